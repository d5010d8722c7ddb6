namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class TheHealthReportSeesEveryComponent(PlatformFixture platform)
{
    [Fact]
    public async Task EveryServiceTheDatabaseRedisAndBybitAreHealthy()
    {
        var report = await platform.Gateway.GetJsonAsync("/api/v1/health");
        var components = report.GetProperty("components").EnumerateArray()
            .ToDictionary(component => component.GetProperty("name").GetString()!, component => component.GetProperty("status").GetString());

        Assert.Equal("healthy", report.GetProperty("status").GetString());
        Assert.Equal(["backtests", "bybit", "marketdata", "optimizations", "postgres", "redis"], components.Keys.Order());
        Assert.All(components, component => Assert.Equal("healthy", component.Value));
    }
}
