using Platform.Testing;

namespace Platform.Backtests.Tests.Backtests;

public sealed class MetricsCountRunsForPrometheus(BacktestsFactory factory) : IClassFixture<BacktestsFactory>
{
    [Fact]
    public async Task ACompletedRunShowsInValidPrometheusText()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "metrics");
        var id = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, hours: 100))).GetProperty("id").GetInt64();
        await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(60), "the run to complete");

        // The run is counted just after its commit, and scrapes are cached briefly: wait for it.
        var text = await Eventually.ReturnsAsync(
            () => client.GetStringAsync("/metrics"),
            metrics => System.Text.RegularExpressions.Regex.IsMatch(metrics, "backtests_finished_total\\{[^}]*status=\"completed\"[^}]*\\} [1-9]"),
            TimeSpan.FromSeconds(10),
            "the completed run counted");
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text, CancellationToken.None);

        Assert.True(exitCode == 0, output);
        Assert.Contains("backtests_queued_total", text, StringComparison.Ordinal);
        Assert.Contains("backtests_queue_wait_seconds_bucket", text, StringComparison.Ordinal);
        Assert.DoesNotContain("db_client_connection_count", text, StringComparison.Ordinal);
    }
}
