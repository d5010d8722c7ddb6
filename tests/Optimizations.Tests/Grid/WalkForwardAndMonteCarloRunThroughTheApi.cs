using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Grid;

public sealed class WalkForwardAndMonteCarloRunThroughTheApi(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AWalkForwardRunReportsEveryWindowAndItsVerdict()
    {
        var client = factory.CreateClient();
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "walk"), hours: 24 * 30)))
            .GetProperty("id").GetInt64();

        using var started = await client.PostAsJsonAsync(
            $"/api/v1/optimizations/{id}/walk-forward", new JsonObject { ["train_size"] = 8, ["test_size"] = 4, ["step_size"] = 4 });
        var done = await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() is "completed" or "failed", Timeout, "the walk-forward run to end");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var results = done.GetProperty("results");
        Assert.Equal("walk_forward", results.GetProperty("method").GetString());
        Assert.Equal(5, results.GetProperty("results").GetProperty("config").GetProperty("total_windows").GetInt32());
        Assert.Equal("2024-01-09T00:00:00+00:00", results.GetProperty("results").GetProperty("windows")[0].GetProperty("oos_start").GetString());
        var document = results.GetProperty("results");
        var overfitting = document.GetProperty("overfitting");
        var reasons = overfitting.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()!).ToList();
        var positiveRate = document.GetProperty("summary").GetProperty("positive_window_rate").GetDouble();
        Assert.Equal(reasons.Count > 0, overfitting.GetProperty("likely").GetBoolean());
        Assert.Equal(positiveRate < 0.5, reasons.Any(reason => reason.StartsWith("only ", StringComparison.Ordinal)));
        Assert.Equal(
            document.GetProperty("walk_forward_efficiency") is { ValueKind: JsonValueKind.Number } efficiency && efficiency.GetDouble() < 0.5,
            reasons.Any(reason => reason.StartsWith("walk-forward efficiency", StringComparison.Ordinal)));
        Assert.Equal(5, done.GetProperty("progress").GetProperty("chunks_done").GetInt32());
    }

    [Theory]
    [InlineData(0, 4, 4, "train_size")]
    [InlineData(60, 30, 4, "train_size")]
    public async Task BadWindowsAre422WithTheNumbers(int train, int test, int step, string field)
    {
        var client = factory.CreateClient();
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, $"walk-bad-{train}"), hours: 24 * 30)))
            .GetProperty("id").GetInt64();

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/optimizations/{id}/run/walk-forward", new JsonObject { ["train_size"] = train, ["test_size"] = test, ["step_size"] = step });
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([field], OptimizationRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task MonteCarloOverTheBestResultIsRepeatableWithASeed()
    {
        var client = factory.CreateClient();
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "monte")))).GetProperty("id").GetInt64();
        var (before, beforeProblem) = await OptimizationRequests.SendAsync(client.PostAsJsonAsync($"/api/v1/optimizations/{id}/monte-carlo", new JsonObject()));
        await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject());
        await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", Timeout, "the grid to complete");

        var first = await MonteCarloAsync(client, id, new JsonObject { ["n_simulations"] = 500, ["seed"] = 7 });
        var second = await MonteCarloAsync(client, id, new JsonObject { ["n_simulations"] = 500, ["seed"] = 7 });
        var (invalid, invalidProblem) = await OptimizationRequests.SendAsync(client.PostAsJsonAsync($"/api/v1/optimizations/{id}/monte-carlo", new JsonObject { ["n_simulations"] = 5 }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, before);
        Assert.Equal(["backtest_id"], OptimizationRequests.ErrorFields(beforeProblem));
        Assert.Equal("best_result", first.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(500, first.GetProperty("monte_carlo").GetProperty("n_simulations").GetInt32());
        Assert.Equal(first.GetProperty("monte_carlo").ToString(), second.GetProperty("monte_carlo").ToString());
        var drawdowns = ((string[])["drawdown_percentile_5", "drawdown_percentile_25", "drawdown_median", "drawdown_percentile_75", "drawdown_percentile_95"])
            .Select(name => first.GetProperty("monte_carlo").GetProperty(name).GetDouble()).ToList();
        Assert.Equal(drawdowns.Order(), drawdowns);
        Assert.InRange(drawdowns[^1], 0, 100);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid);
        Assert.Equal(["n_simulations"], OptimizationRequests.ErrorFields(invalidProblem));
    }

    [Fact]
    public async Task MonteCarloOverACompletedBacktestUsesItsTrades()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, "monte-backtest");
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId))).GetProperty("id").GetInt64();
        var backtestId = await CompletedBacktestAsync(strategyId);

        var answer = await MonteCarloAsync(client, id, new JsonObject { ["backtest_id"] = backtestId, ["n_simulations"] = 100, ["seed"] = 1 });
        using var missing = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/monte-carlo", new JsonObject { ["backtest_id"] = 999_999 });

        Assert.Equal("backtest", answer.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(3, answer.GetProperty("monte_carlo").GetProperty("n_trades").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<JsonElement> MonteCarloAsync(HttpClient client, long id, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/monte-carlo", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A backtest completed through the external worker protocol, with three trades.</summary>
    private async Task<long> CompletedBacktestAsync(long strategyId)
    {
        var backtests = factory.Backtests.CreateClient();
        var id = await OptimizationRequests.QueuedBacktestAsync(backtests, strategyId);
        await OptimizationRequests.CompleteBacktestAsync(backtests, id, new JsonObject
        {
            ["final_capital"] = 10_300,
            ["total_return"] = 0.03,
            ["total_trades"] = 3,
            ["winning_trades"] = 2,
            ["losing_trades"] = 1,
            ["win_rate"] = 2.0 / 3,
            ["sharpe_ratio"] = 1,
            ["max_drawdown"] = 0.01,
            ["results"] = new JsonObject
            {
                ["trades"] = new JsonArray(
                    new JsonObject { ["entry_time"] = "2024-01-02T00:00:00Z", ["side"] = "long", ["entry_price"] = 1, ["quantity"] = 1, ["pnl"] = 200, ["commission"] = 2 },
                    new JsonObject { ["entry_time"] = "2024-01-03T00:00:00Z", ["side"] = "long", ["entry_price"] = 1, ["quantity"] = 1, ["pnl"] = -100, ["commission"] = 2 },
                    new JsonObject { ["entry_time"] = "2024-01-04T00:00:00Z", ["side"] = "short", ["entry_price"] = 1, ["quantity"] = 1, ["pnl"] = 200, ["commission"] = 2 }),
            },
        });
        return id;
    }
}
