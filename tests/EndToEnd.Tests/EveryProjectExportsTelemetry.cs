using Platform.AppHost.Model;
using Platform.EndToEnd.Tests.Telemetry;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class EveryProjectExportsTelemetry(PlatformFixture platform)
{
    [Fact]
    public async Task TracesMetricsAndLogsOfEveryProjectReachTheAppHostsOtlpEndpoint()
    {
        await platform.WaitUntilAllHealthyAsync();
        var projects = PlatformModel.Create().Projects.Select(project => project.Name).ToList();
        foreach (var path in (string[])["/api/v1/backtests/?limit=1", "/api/v1/optimizations/?limit=1", "/api/v1/marketdata/uploads", "/api/v1/health"])
        {
            using var traced = await platform.Gateway.GetAsync(path);
        }

        var missing = await Eventually.ReturnsAsync(
            () => Task.FromResult(
                projects.SelectMany(project => OtlpCollector.Signals.Select(signal => (project, signal)))
                    .Where(pair => platform.Telemetry.Received(pair.signal, pair.project) == 0)
                    .ToList()),
            none => none.Count == 0, TimeSpan.FromSeconds(30), "every project's traces, metrics and logs");

        Assert.Empty(missing);
    }
}
