using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Platform.Backtests.Queue;
using Platform.Testing;

namespace Platform.Backtests.Tests.Backtests;

/// <summary>
/// The run counters of services/Backtests/Queue/BacktestMetrics.cs as this host records them. OpenTelemetry collects
/// meters by name across the process, so the exact figures are read from the meters this host's own
/// <see cref="IMeterFactory"/> created; /metrics is only checked for the names and the exposition format.
/// </summary>
public sealed class MetricsCountRunsForPrometheus(BacktestsFactory factory) : IClassFixture<BacktestsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ACompletedRunIsCountedOnceQueuedOnceFinishedAndWaitedOnce()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var queued = new MetricCollector<long>(meters, BacktestMetrics.MeterName, "backtests.queued");
        using var finished = new MetricCollector<long>(meters, BacktestMetrics.MeterName, "backtests.finished");
        using var running = new MetricCollector<long>(meters, BacktestMetrics.MeterName, "backtests.running");
        using var waited = new MetricCollector<double>(meters, BacktestMetrics.MeterName, "backtests.queue.wait");
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "metrics");

        var id = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, hours: 100))).GetProperty("id").GetInt64();
        await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", Timeout, "the run to complete");
        // The run is counted just after its commit: wait for the measurement rather than for the status alone.
        await finished.WaitForMeasurementsAsync(1, Timeout);
        await running.WaitForMeasurementsAsync(2, Timeout);

        Assert.Equal([1], queued.GetMeasurementSnapshot().Select(measurement => measurement.Value));
        var end = Assert.Single(finished.GetMeasurementSnapshot());
        Assert.Equal(1, end.Value);
        Assert.Equal("completed", end.Tags["status"]);
        Assert.Equal([1, -1], running.GetMeasurementSnapshot().Select(measurement => measurement.Value));
        Assert.Single(waited.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task MetricsAreExposedByNameInValidPrometheusText()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var finished = new MetricCollector<long>(meters, BacktestMetrics.MeterName, "backtests.finished");
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "metrics-text");
        var id = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, hours: 100))).GetProperty("id").GetInt64();
        await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", Timeout, "the run to complete");
        await finished.WaitForMeasurementsAsync(1, Timeout);

        // Scrapes are cached briefly: wait for one taken after the run was counted.
        var text = await Eventually.ReturnsAsync(
            () => client.GetStringAsync("/metrics"),
            metrics => metrics.Contains("backtests_finished_total{", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the finished runs in a scrape");
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text, CancellationToken.None);

        Assert.True(exitCode == 0, output);
        Assert.Matches("(?m)^backtests_finished_total\\{[^}]*status=\"completed\"[^}]*\\} \\d+", text);
        Assert.Matches("(?m)^backtests_queued_total(\\{[^}]*\\})? \\d+", text);
        Assert.Matches("(?m)^backtests_queue_wait_seconds_bucket\\{[^}]*le=\"\\+Inf\"[^}]*\\} \\d+", text);
        Assert.Matches("(?m)^# TYPE backtests_running gauge$", text);
        Assert.DoesNotContain("db_client_connection_count", text, StringComparison.Ordinal);
    }
}
