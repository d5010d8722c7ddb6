using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Grid;

/// <summary>
/// <c>param_ranges</c> vary a rule document's placeholders as they vary a shipped strategy's parameters, and the keys of
/// a configuration written for the original system.
/// </summary>
public sealed class GridsVaryRuleStrategiesAndOriginalConfigurations(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AUserWrittenCrossoverFindsTheBestTheShippedOneFinds()
    {
        var document = JsonNode.Parse("""
            {
              "parameters": {"fast": {"default": 5, "integer": true, "min": 1}, "slow": {"default": 20, "integer": true, "greater_than": "fast"}},
              "indicators": {"f": {"type": "sma", "period": "$fast"}, "s": {"type": "sma", "period": "$slow"}},
              "rules": {"enter_long": {"left": "f", "op": "crosses_above", "right": "s"}, "exit_long": {"left": "f", "op": "crosses_below", "right": "s"}}
            }
            """)!;
        var client = factory.CreateClient();
        var strategyId = await CreateStrategyAsync("rules", document);

        var done = await RunGridAsync(client, OptimizationRequests.Optimization(strategyId));

        var (bestFast, bestSlow, bestReturn) = GridSearchFindsTheBestParameters.ExhaustiveBest();
        Assert.Equal(9, done.GetProperty("progress").GetProperty("combinations_done").GetInt32());
        Assert.Equal(bestFast, done.GetProperty("best_params").GetProperty("fast").GetDouble());
        Assert.Equal(bestSlow, done.GetProperty("best_params").GetProperty("slow").GetDouble());
        Assert.Equal(bestReturn, done.GetProperty("best_score").GetDouble(), 9);
    }

    [Fact]
    public async Task TheOriginalSystemsKeysAreParameters()
    {
        var client = factory.CreateClient();
        var strategyId = await CreateStrategyAsync("ema_crossover", new JsonObject { ["type"] = "ema_crossover", ["fast_ema"] = 5, ["slow_ema"] = 20 });
        var optimization = OptimizationRequests.Optimization(strategyId);
        optimization["param_ranges"] = new JsonObject { ["fast_ema"] = new JsonArray(3, 5), ["slow_ema"] = new JsonArray(10, 20, 30) };

        var done = await RunGridAsync(client, optimization);

        Assert.Equal(6, done.GetProperty("progress").GetProperty("combinations_done").GetInt32());
        var results = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/{done.GetProperty("id").GetInt64()}/results?limit=50")).RootElement;
        Assert.Equal(
            ["10:3", "10:5", "20:3", "20:5", "30:3", "30:5"],
            results.EnumerateArray().Select(r => $"{r.GetProperty("params").GetProperty("slow_ema")}:{r.GetProperty("params").GetProperty("fast_ema")}").Order());
    }

    private async Task<long> CreateStrategyAsync(string strategyType, JsonNode config)
    {
        using var response = await factory.Backtests.CreateClient().PostAsJsonAsync("/api/v1/strategies/", new JsonObject
        {
            ["name"] = OptimizationRequests.Unique(strategyType),
            ["strategy_type"] = strategyType,
            ["config"] = config,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> RunGridAsync(HttpClient client, JsonObject optimization)
    {
        var id = (await OptimizationRequests.CreateAsync(client, optimization)).GetProperty("id").GetInt64();
        using var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject());
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var done = await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() is "completed" or "failed", Timeout, "the grid to end");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        return done;
    }
}
