namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class TheHealthReportSeesEveryComponent(PlatformFixture platform)
{
    [Fact]
    public async Task EveryServiceTheDatabaseRedisAndBybitAreHealthy()
    {
        var report = await platform.Api.Health.Api.V1.Health.GetAsync();

        var components = report!.Components!.ToDictionary(component => component.Name!, component => component.Status);
        Assert.Equal("healthy", report.Status);
        Assert.Equal(["backtests", "bybit", "marketdata", "optimizations", "postgres", "redis"], components.Keys.Order());
        Assert.All(components, component => Assert.Equal("healthy", component.Value));
        Assert.All(report.Components!, component => Assert.True(component.LastCheck > DateTimeOffset.UtcNow.AddMinutes(-5), $"{component.Name} last checked {component.LastCheck}"));
    }
}
