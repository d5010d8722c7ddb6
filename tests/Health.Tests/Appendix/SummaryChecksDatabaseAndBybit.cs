using Platform.Testing;
using System.Net;

namespace Platform.Health.Tests.Appendix;

public sealed class SummaryChecksDatabaseAndBybit(HealthFactory factory, PlatformStubs stubs)
    : IClassFixture<HealthFactory>, IClassFixture<PlatformStubs>
{
    [Fact]
    public async Task BothUpIs200WithTwoComponentsChecked()
    {
        await using var health = stubs.HealthService(factory);
        var before = DateTimeOffset.UtcNow;

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(Caller.Admin), "/api/v1/health/summary");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("components_checked").GetInt32());
        Assert.InRange(body.GetProperty("timestamp").GetDateTimeOffset(), before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task DatabaseOnAClosedPortIs503()
    {
        var port = Testing.LocalServers.FreePort.Next();
        await using var health = stubs.HealthService(
            factory, ("ConnectionStrings:postgres", $"Host=127.0.0.1;Port={port};Username=postgres;Password=secret;Timeout=2"));

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(Caller.Admin), "/api/v1/health/summary");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("components_checked").GetInt32());
    }
}
