using Platform.Testing;
using System.Net;
using Platform.ServiceDefaults;

namespace Platform.Health.Tests.Appendix;

public sealed class EnhancedCountsEveryComponent(HealthFactory factory, PlatformStubs stubs)
    : IClassFixture<HealthFactory>, IClassFixture<PlatformStubs>
{
    [Fact]
    public async Task AllComponentsUpIs200WithEveryComponentCountedHealthy()
    {
        await using var health = stubs.HealthService(factory);

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(Caller.Admin), "/api/v1/health/enhanced");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("overall_status").GetString());
        var names = body.GetProperty("components").EnumerateArray().Select(component => component.GetProperty("name").GetString());
        Assert.Equal([.. PlatformStubs.Services, ResourceNames.Postgres, ResourceNames.Redis, "bybit"], names);
        var summary = body.GetProperty("summary");
        Assert.Equal(6, summary.GetProperty("healthy").GetInt32());
        Assert.Equal(0, summary.GetProperty("degraded").GetInt32());
        Assert.Equal(0, summary.GetProperty("unhealthy").GetInt32());
        Assert.Equal(6, summary.GetProperty("total").GetInt32());
    }
}
