using System.Net;
using Platform.ServiceDefaults;

namespace Platform.Health.Tests.Appendix;

public sealed class ComponentIsLookedUpByName(HealthFactory factory, PlatformStubs stubs)
    : IClassFixture<HealthFactory>, IClassFixture<PlatformStubs>
{
    [Fact]
    public async Task KnownNameAnswersThatComponent()
    {
        await using var health = stubs.HealthService(factory);

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(), $"/api/v1/health/components/{ResourceNames.Postgres}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ResourceNames.Postgres, body.GetProperty("name").GetString());
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("details").GetString());
        Assert.True(body.GetProperty("response_time_ms").GetDouble() >= 0);
        Assert.True(body.GetProperty("last_check").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task UnknownNameIs404ListingTheAvailableNames()
    {
        await using var health = stubs.HealthService(factory);

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(), "/api/v1/health/components/celery");

        Assert.Equal(HttpStatusCode.NotFound, status);
        string[] names = [.. PlatformStubs.Services, ResourceNames.Postgres, ResourceNames.Redis, "bybit"];
        var available = string.Join(", ", names.Select(name => $"'{name}'"));
        Assert.Equal($"Component 'celery' not found. Available: [{available}]", body.GetProperty("detail").GetString());
    }
}
