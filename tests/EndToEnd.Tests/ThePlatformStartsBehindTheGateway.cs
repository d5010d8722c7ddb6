using System.Net;
using Platform.AppHost.Running;
using Platform.ServiceDefaults;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class ThePlatformStartsBehindTheGateway(PlatformFixture platform)
{
    [Fact]
    public void EveryResourceWasHealthyWhenTheAppHostReportedReady()
    {
        var resources = platform.State.GetProperty("resources").EnumerateArray().ToList();

        Assert.Equal(platform.Orchestrator.Statuses.Select(status => status.Name).Order(), resources.Select(resource => resource.GetProperty("name").GetString()).Order());
        Assert.All(resources, resource => Assert.Equal("healthy", resource.GetProperty("state").GetString()));
        Assert.Equal($"http://localhost:{platform.Options.Ports[ResourceNames.Gateway]}", platform.GatewayUrl);
    }

    [Fact]
    public async Task TheApiNeedsTheKeyAndEveryServiceIsReadyThroughTheGateway()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(platform.GatewayUrl) };
        using var refused = await anonymous.GetAsync("/api/v1/backtests/");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        foreach (var service in ResourceNames.Services)
        {
            using var ready = await platform.Gateway.GetAsync($"/health/{service}/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        using var strategies = await platform.Gateway.GetAsync("/api/v1/strategies/types");
        Assert.Equal(HttpStatusCode.OK, strategies.StatusCode);
    }

    [Fact]
    public void ASecondAppHostCannotTakeTheSameDataDirectory() =>
        Assert.Throws<InvalidOperationException>(() => InstanceLock.Acquire(platform.Options.DataDirectory));
}
