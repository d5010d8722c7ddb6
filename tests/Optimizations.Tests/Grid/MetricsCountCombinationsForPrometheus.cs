using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Grid;

/// <summary>
/// OpenTelemetry listens to meters by name, so a host of another test class running at the same time would add its
/// combinations to this host's counter: this class runs alone.
/// </summary>
[Collection(nameof(MetricsCountCombinationsForPrometheus))]
public sealed class MetricsCountCombinationsForPrometheus(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    [Fact]
    public async Task EvaluatedCombinationsShowInValidPrometheusText()
    {
        var client = factory.CreateClient();
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "metrics"))))
            .GetProperty("id").GetInt64();
        await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject());
        await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(60), "the grid to complete");

        // The last chunk is counted just after its commit completes the run, and scrapes are cached briefly: wait for it.
        var text = await Eventually.ReturnsAsync(
            () => client.GetStringAsync("/metrics"),
            metrics => System.Text.RegularExpressions.Regex.IsMatch(metrics, "optimizations_combinations_evaluated_total(\\{[^}]*\\})? 9\\b"),
            TimeSpan.FromSeconds(10),
            "nine combinations counted");
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text, CancellationToken.None);

        Assert.True(exitCode == 0, output);
    }
}

[CollectionDefinition(nameof(MetricsCountCombinationsForPrometheus), DisableParallelization = true)]
public sealed class MetricsCountCombinationsForPrometheusRunsAlone;
