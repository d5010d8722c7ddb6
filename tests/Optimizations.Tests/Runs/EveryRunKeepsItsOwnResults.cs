using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Runs;

/// <summary>
/// Each grid, walk-forward and Monte Carlo is a run of its own under its optimization: later runs never remove an earlier
/// one's results, results and the best parameters are read per run, and <c>/best</c> answers from the latest completed run
/// that found parameters.
/// </summary>
public sealed class EveryRunKeepsItsOwnResults(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AWalkForwardAfterAGridKeepsTheGridsResultsAndBest()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "runs-walk", body => body["end_date"] = OptimizationRequests.Start.AddDays(30).ToString("O"));
        var grid = await StartAsync(client, $"/api/v1/optimizations/{id}/grid", new JsonObject());
        await CompletedAsync(client, id, grid);
        var bestAfterGrid = await JsonAsync(client, $"/api/v1/optimizations/{id}/best");

        var walk = await StartAsync(client, $"/api/v1/optimizations/{id}/walk-forward", new JsonObject { ["train_size"] = 8, ["test_size"] = 4, ["step_size"] = 4 });
        var walkRun = await CompletedAsync(client, id, walk);

        var runs = await JsonAsync(client, $"/api/v1/optimizations/{id}/runs");
        Assert.Equal(2, runs.GetProperty("total").GetInt64());
        Assert.Equal([(walk, "walk_forward"), (grid, "grid")], runs.GetProperty("items").EnumerateArray().Select(run => (run.GetProperty("id").GetInt64(), run.GetProperty("kind").GetString())));
        Assert.Equal(5, walkRun.GetProperty("progress").GetProperty("done").GetInt32());
        AssertSameJson("""{"train_size":8,"test_size":4,"step_size":4,"unit":"days","mode":"rolling"}""", walkRun.GetProperty("settings").GetProperty("windows"));
        var (results, total) = await ResultsAsync(client, $"/api/v1/optimizations/{id}/results");
        Assert.Equal((9, 9L), (results.GetArrayLength(), total));
        Assert.All(results.EnumerateArray(), result => Assert.Equal(grid, result.GetProperty("run_id").GetInt64()));
        Assert.Equal(bestAfterGrid.ToString(), (await JsonAsync(client, $"/api/v1/optimizations/{id}/best")).ToString());
        Assert.Equal(0, (await ResultsAsync(client, $"/api/v1/optimizations/{id}/results?run={walk}")).Results.GetArrayLength());
    }

    [Fact]
    public async Task ASecondGridKeepsTheFirstsResultsAndBecomesTheDefault()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "runs-twice");
        var first = await StartAsync(client, $"/api/v1/optimizations/{id}/grid", new JsonObject());
        var firstRun = await CompletedAsync(client, id, first);

        var second = await StartAsync(client, $"/api/v1/optimizations/{id}/grid", new JsonObject { ["param_space"] = new JsonObject { ["fast"] = new JsonArray(4, 6), ["slow"] = new JsonArray(25) } });
        var secondRun = await CompletedAsync(client, id, second);

        Assert.Equal(9, (await ResultsAsync(client, $"/api/v1/optimizations/{id}/results?run={first}")).Total);
        Assert.Equal(2, (await ResultsAsync(client, $"/api/v1/optimizations/{id}/results")).Total);
        Assert.Equal(secondRun.GetProperty("best_params").ToString(), (await JsonAsync(client, $"/api/v1/optimizations/{id}/best")).GetProperty("params").ToString());
        Assert.Equal(firstRun.GetProperty("best_params").ToString(), (await JsonAsync(client, $"/api/v1/optimizations/{id}/best-params?run={first}")).GetProperty("params").ToString());
        Assert.Equal(9, firstRun.GetProperty("progress").GetProperty("total").GetInt32());
        Assert.Equal("[3,5,8]", JsonNode.Parse(firstRun.GetProperty("settings").GetProperty("param_ranges").GetProperty("fast").GetRawText())!.ToJsonString());
    }

    [Fact]
    public async Task MonteCarloIsKeptAsARunAndCountsTheTrialsOfTheRunThatFoundTheParameters()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "runs-monte");
        var grid = await StartAsync(client, $"/api/v1/optimizations/{id}/grid", new JsonObject());
        await CompletedAsync(client, id, grid);

        var answer = await JsonAsync(client, $"/api/v1/optimizations/{id}/monte-carlo", new JsonObject { ["n_simulations"] = 200, ["seed"] = 3 });

        var runId = answer.GetProperty("run_id").GetInt64();
        var run = await JsonAsync(client, $"/api/v1/optimizations/{id}/runs/{runId}");
        Assert.Equal(("monte_carlo", "completed", 200, 200), (run.GetProperty("kind").GetString(), run.GetProperty("status").GetString(),
            run.GetProperty("progress").GetProperty("done").GetInt32(), run.GetProperty("progress").GetProperty("total").GetInt32()));
        AssertSameJson(answer.GetProperty("monte_carlo").GetRawText(), run.GetProperty("results").GetProperty("monte_carlo"));
        Assert.Equal(grid, answer.GetProperty("source").GetProperty("run_id").GetInt64());
        Assert.Equal(3, run.GetProperty("settings").GetProperty("seed").GetInt32());
        Assert.Equal(9, answer.GetProperty("deflated_sharpe").GetProperty("trials").GetInt32());
        var bands = answer.GetProperty("monte_carlo").GetProperty("equity_bands");
        var points = bands.GetProperty("trades").GetArrayLength();
        Assert.Equal(0, bands.GetProperty("trades")[0].GetInt32());
        Assert.Equal(answer.GetProperty("monte_carlo").GetProperty("trades_per_simulation").GetInt32(), bands.GetProperty("trades")[points - 1].GetInt32());
        string[] percentiles = ["percentile_5", "percentile_25", "percentile_50", "percentile_75", "percentile_95"];
        for (var point = 0; point < points; point++)
        {
            var values = percentiles.Select(name => bands.GetProperty(name)[point].GetDouble()).ToList();
            Assert.Equal(values.Order(), values);
        }
        Assert.Equal(0, bands.GetProperty("percentile_5")[0].GetDouble());
    }

    [Fact]
    public async Task MonteCarloOverABacktestReadsEveryOneOfItsTwentyThousandTrades()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("runs-many-trades"));
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId))).GetProperty("id").GetInt64();
        var backtests = factory.Backtests.CreateClient();
        var backtest = await OptimizationRequests.QueuedBacktestAsync(backtests, strategyId);
        var start = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var trades = new JsonArray([.. Enumerable.Range(0, 20_000).Select(index => (JsonNode)new JsonObject
        {
            ["entry_time"] = start.AddSeconds(index).ToString("O"),
            ["side"] = "long",
            ["entry_price"] = 1,
            ["quantity"] = 1,
            ["pnl"] = index % 3 == 0 ? -1 : 1,
            ["commission"] = 0.01,
        })]);
        var losses = Enumerable.Range(0, 20_000).Count(index => index % 3 == 0);
        await OptimizationRequests.CompleteBacktestAsync(backtests, backtest, new JsonObject
        {
            ["final_capital"] = 10_000 + 20_000 - 2 * losses,
            ["total_return"] = (20_000 - 2 * losses) / 10_000.0,
            ["total_trades"] = 20_000,
            ["winning_trades"] = 20_000 - losses,
            ["losing_trades"] = losses,
            ["win_rate"] = (20_000 - losses) / 20_000.0,
            ["sharpe_ratio"] = 1,
            ["max_drawdown"] = 0.01,
            ["results"] = new JsonObject { ["trades"] = trades },
        });

        var answer = await JsonAsync(client, $"/api/v1/optimizations/{id}/monte-carlo", new JsonObject { ["backtest_id"] = backtest, ["n_simulations"] = 100, ["seed"] = 5 });

        Assert.Equal(20_000, answer.GetProperty("monte_carlo").GetProperty("n_trades").GetInt32());
        Assert.Equal(1, answer.GetProperty("deflated_sharpe").GetProperty("trials").GetInt32());
    }

    [Fact]
    public async Task UnknownRunsAreNotFound()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "runs-unknown");
        var other = await OptimizationRequests.CreateIdAsync(factory, client, "runs-other");
        var othersRun = await StartAsync(client, $"/api/v1/optimizations/{other}/grid", new JsonObject());

        foreach (var path in new[] { $"runs/{othersRun}", $"results?run={othersRun}", $"best?run={othersRun}", "runs/999999999" })
        {
            using var response = await client.GetAsync($"/api/v1/optimizations/{id}/{path}");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, path);
            Assert.Equal("Run not found", problem.GetProperty("title").GetString());
        }
        using var monteCarlo = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/monte-carlo", new JsonObject { ["run_id"] = othersRun });
        Assert.Equal(HttpStatusCode.NotFound, monteCarlo.StatusCode);
        using var missing = await client.GetAsync("/api/v1/optimizations/999999999/runs");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, (await JsonAsync(client, $"/api/v1/optimizations/{id}/runs")).GetProperty("total").GetInt64());
    }

    /// <summary>Equal as JSON: stored documents come back with their keys in PostgreSQL's jsonb order.</summary>
    private static void AssertSameJson(string expected, JsonElement actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual.GetRawText())), $"expected {expected}, got {actual.GetRawText()}");

    private static async Task<long> StartAsync(HttpClient client, string path, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var runId = JsonDocument.Parse(text).RootElement.GetProperty("run_id").GetInt64();
        Assert.EndsWith($"/runs/{runId}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        return runId;
    }

    private static Task<JsonElement> CompletedAsync(HttpClient client, long id, long run) =>
        Eventually.ReturnsAsync(
            () => JsonAsync(client, $"/api/v1/optimizations/{id}/runs/{run}"),
            view => view.GetProperty("status").GetString() is "completed" or "failed",
            Timeout,
            $"run {run} to end")
        .ContinueWith(task =>
        {
            Assert.Equal("completed", task.Result.GetProperty("status").GetString());
            return task.Result;
        }, TaskScheduler.Default);

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path, JsonObject? body = null)
    {
        using var response = body is null ? await client.GetAsync(path) : await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<(JsonElement Results, long Total)> ResultsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
        return (JsonDocument.Parse(text).RootElement.Clone(), long.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
