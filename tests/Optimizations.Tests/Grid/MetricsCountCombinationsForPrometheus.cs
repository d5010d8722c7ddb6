using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Platform.Optimizations.Grid;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Grid;

/// <summary>
/// The work counters as this host records them. OpenTelemetry collects meters by name across the process, so the exact
/// figures are read from the meters this host's own <see cref="IMeterFactory"/> created; /metrics is only checked for the
/// names and the exposition format.
/// </summary>
public sealed class MetricsCountCombinationsForPrometheus(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task NineCombinationsInChunksOfFourAreCountedAsThreeChunks()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var combinations = new MetricCollector<long>(meters, OptimizationMetrics.MeterName, "optimizations.combinations.evaluated");
        using var chunks = new MetricCollector<long>(meters, OptimizationMetrics.MeterName, "optimizations.chunks.completed");

        await RunTheGridAsync("metrics");
        // The last chunk is counted just after its commit completes the run: wait for the measurement.
        await chunks.WaitForMeasurementsAsync(3, Timeout);

        Assert.Equal([1, 4, 4], combinations.GetMeasurementSnapshot().Select(measurement => measurement.Value).Order());
        Assert.Equal([1, 1, 1], chunks.GetMeasurementSnapshot().Select(measurement => measurement.Value));
    }

    [Fact]
    public async Task CountersAreExposedByNameInValidPrometheusText()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var chunks = new MetricCollector<long>(meters, OptimizationMetrics.MeterName, "optimizations.chunks.completed");
        var client = factory.CreateClient();
        await RunTheGridAsync("metrics-text");
        await chunks.WaitForMeasurementsAsync(3, Timeout);

        // Scrapes are cached briefly: wait for one taken after the chunks were counted.
        var text = await Eventually.ReturnsAsync(
            () => client.GetStringAsync("/metrics"),
            metrics => metrics.Contains("optimizations_chunks_completed_total", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the completed chunks in a scrape");
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text, CancellationToken.None);

        Assert.True(exitCode == 0, output);
        Assert.Matches("(?m)^optimizations_combinations_evaluated_total(\\{[^}]*\\})? \\d+", text);
        Assert.Matches("(?m)^optimizations_chunks_completed_total(\\{[^}]*\\})? \\d+", text);
    }

    private async Task RunTheGridAsync(string strategyName)
    {
        var client = factory.CreateClient();
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, strategyName))))
            .GetProperty("id").GetInt64();
        using (var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject()))
        {
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        }
        await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", Timeout, "the grid to complete");
    }
}
