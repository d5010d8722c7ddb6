using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Platform.Optimizations.Tests.Search;

/// <summary>
/// On a series with a smooth landscape (<see cref="CycleSeries"/>), the seeded model-based search reaches the grid's best
/// score in a quarter of the grid's evaluations; random search with the same budget is reported beside it.
/// </summary>
public sealed class ASearchReachesTheGridsBestInAQuarterOfItsWork(WholeChunksFactory factory, ITestOutputHelper output) : IClassFixture<WholeChunksFactory>
{
    [Fact]
    public async Task ASeededSearchComesWithinOnePercentOfTheGridsBest()
    {
        var client = factory.CreateClient();
        var id = await CycleSeries.OptimizationAsync(factory, client, new JsonObject
        {
            ["fast"] = new JsonObject { ["min"] = 2, ["max"] = 31 },
            ["slow"] = new JsonObject { ["min"] = 20, ["max"] = 165, ["step"] = 5 },
        }, "total_return");
        // Four partitions keep the overfitting odds of 879 combinations cheap: this test is about the search.
        var grid = await SearchesRunThroughTheApi.RunAsync(client, id, "grid", new JsonObject { ["pbo_partitions"] = 4 });
        var evaluations = grid.GetProperty("progress").GetProperty("done").GetInt32();
        var gridBest = grid.GetProperty("best_score").GetDouble();
        var budget = evaluations / 4;

        var bayesian = await SearchesRunThroughTheApi.RunAsync(client, id, "run/bayesian", new JsonObject
        {
            ["n_trials"] = budget, ["seed"] = 11, ["n_initial"] = 20, ["batch_size"] = 16, ["pbo_partitions"] = 4,
        });
        var random = await SearchesRunThroughTheApi.RunAsync(client, id, "run/bayesian", new JsonObject
        {
            ["n_trials"] = budget, ["seed"] = 11, ["method"] = "random", ["batch_size"] = 16, ["pbo_partitions"] = 4,
        });

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grid: {evaluations} evaluations, best {gridBest:0.######}, {grid.GetProperty("elapsed_seconds").GetDouble():0.00} s"));
        foreach (var (name, run) in new[] { ("bayesian", bayesian), ("random", random) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {run.GetProperty("progress").GetProperty("done").GetInt32()} evaluations, best {run.GetProperty("best_score").GetDouble():0.######} "
                + $"({run.GetProperty("best_score").GetDouble() / gridBest:P2} of the grid's), {run.GetProperty("elapsed_seconds").GetDouble():0.00} s"));
        }
        Assert.Equal(budget, bayesian.GetProperty("progress").GetProperty("done").GetInt32());
        Assert.True(bayesian.GetProperty("best_score").GetDouble() >= gridBest - 0.01 * Math.Abs(gridBest),
            $"the search's best {bayesian.GetProperty("best_score").GetDouble()} is not within 1 % of the grid's {gridBest}");
        Assert.Equal(budget, (await SearchesRunThroughTheApi.ResultsAsync(client, id, bayesian.GetProperty("id").GetInt64())).Count);
        Assert.Equal("bayesian", bayesian.GetProperty("results").GetProperty("method").GetString());
        Assert.Equal("random_search", random.GetProperty("results").GetProperty("method").GetString());
        Assert.Equal("n_trials", bayesian.GetProperty("results").GetProperty("stop_reason").GetString());
    }
}

/// <summary>An optimizations service with the production chunk size, so that a grid of hundreds is a few dozen chunks.</summary>
public sealed class WholeChunksFactory : OptimizationsFactory
{
    protected override void Configure() => Set("Optimizations:Grid:ChunkSize", "50");
}
