using System.Net;
using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class AGridAndAMonteCarloRunOnTheStrategy(PlatformFixture platform)
{
    [Fact]
    public async Task TheGridFindsBestParametersAndMonteCarloStressesThem()
    {
        var gateway = platform.Gateway;
        var strategyId = await gateway.CreateStrategyAsync("end-to-end grid");
        var optimization = await gateway.PostJsonAsync("/api/v1/optimizations/", new JsonObject
        {
            ["strategy_id"] = strategyId,
            ["optimization_type"] = "grid_search",
            ["symbol"] = "SOLUSDT",
            ["timeframe"] = "60",
            ["start_date"] = "2024-02-01T00:00:00Z",
            ["end_date"] = "2024-04-01T00:00:00Z",
            ["param_ranges"] = new JsonObject
            {
                ["fast"] = new JsonArray(5, 10, 20),
                ["slow"] = new JsonObject { ["min"] = 30, ["max"] = 60, ["step"] = 15 },
            },
            ["metric"] = "total_return",
            ["initial_capital"] = 10_000,
        }, HttpStatusCode.Created);
        var id = optimization.GetProperty("id").GetInt64();

        await gateway.PostJsonAsync($"/api/v1/optimizations/{id}/grid", [], HttpStatusCode.Accepted);
        var run = await gateway.UntilFinishedAsync($"/api/v1/optimizations/{id}", "the grid");
        var best = await gateway.GetJsonAsync($"/api/v1/optimizations/{id}/best-params");
        var results = await gateway.GetJsonAsync($"/api/v1/optimizations/{id}/results?sort=score&limit=100");
        var monteCarlo = await gateway.PostJsonAsync(
            $"/api/v1/optimizations/{id}/monte-carlo", new JsonObject { ["n_simulations"] = 1000, ["seed"] = 11 }, HttpStatusCode.OK);

        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(9, optimization.GetProperty("total_combinations").GetInt32());
        Assert.Equal(9, run.GetProperty("progress").GetProperty("combinations_done").GetInt32());
        Assert.Equal(9, results.GetArrayLength());
        Assert.Equal(results[0].GetProperty("id").GetInt64(), best.GetProperty("id").GetInt64());
        Assert.Equal(
            results.EnumerateArray().Max(result => result.GetProperty("score").GetDouble()),
            best.GetProperty("score").GetDouble());
        Assert.Equal("best_result", monteCarlo.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(1000, monteCarlo.GetProperty("monte_carlo").GetProperty("n_simulations").GetInt32());
    }
}
