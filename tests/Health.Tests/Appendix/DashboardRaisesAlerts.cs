using Platform.Testing;
using System.Net;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults;
using Platform.Testing.FakeBybit;

namespace Platform.Health.Tests.Appendix;

public sealed class DashboardRaisesAlerts(HealthFactory factory, PlatformStubs stubs)
    : IClassFixture<HealthFactory>, IClassFixture<PlatformStubs>
{
    [Fact]
    public async Task ServiceDownIs503WithACriticalAlertNamingIt()
    {
        await using var failing = await StubService.StartAsync(StatusCodes.Status503ServiceUnavailable);
        await using var health = stubs.HealthService(factory, ($"services:{ResourceNames.Optimizations}:http:0", failing.Address));

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(Caller.Admin), "/api/v1/health/dashboard");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("overall_status").GetString());
        Assert.Equal(["CRITICAL: OPTIMIZATIONS is unhealthy - readiness answered 503"], AppendixClient.Alerts(body));
        Assert.Equal(1, body.GetProperty("summary").GetProperty("unhealthy").GetInt32());
        Assert.False(body.GetProperty("summary").TryGetProperty("total", out _));
    }

    [Fact]
    public async Task BybitFailingIsAWarningAnd200()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        bybit.SetFault(FakeFault.ServerError(), FakeBybitServer.TimePath);
        await using var health = stubs.HealthService(factory, ("Bybit:BaseUrl", bybit.BaseAddress.ToString()));

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(Caller.Admin), "/api/v1/health/dashboard");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("overall_status").GetString());
        Assert.Equal(["WARNING: BYBIT is degraded"], AppendixClient.Alerts(body));
        Assert.Equal(1, body.GetProperty("summary").GetProperty("degraded").GetInt32());
    }
}
