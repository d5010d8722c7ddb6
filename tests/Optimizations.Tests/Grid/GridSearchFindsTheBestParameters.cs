using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Strategies;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.Optimizations.Tests.Grid;

public sealed class GridSearchFindsTheBestParameters(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AGridRunEndsWithTheParametersAnExhaustiveLoopPicks()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, "grid-best");
        var created = await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId));
        var id = created.GetProperty("id").GetInt64();

        using var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject());
        var answer = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        var done = await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() is "completed" or "failed", Timeout, "the grid to end");

        Assert.Equal(9, created.GetProperty("total_combinations").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("queued", answer.GetProperty("status").GetString());
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(9, done.GetProperty("progress").GetProperty("combinations_done").GetInt32());
        var (bestFast, bestSlow, bestReturn) = ExhaustiveBest();
        Assert.Equal(bestFast, done.GetProperty("best_params").GetProperty("fast").GetDouble());
        Assert.Equal(bestSlow, done.GetProperty("best_params").GetProperty("slow").GetDouble());
        Assert.Equal(bestReturn, done.GetProperty("best_score").GetDouble(), 9);
        Assert.Equal("grid_search", done.GetProperty("results").GetProperty("method").GetString());
        var results = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/{id}/results?limit=50")).RootElement;
        Assert.Equal(9, results.GetArrayLength());
        Assert.Equal(bestReturn, results[0].GetProperty("score").GetDouble(), 9);
        var best = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/{id}/best-params")).RootElement;
        var original = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/{id}/best")).RootElement;
        Assert.Equal(bestFast, best.GetProperty("params").GetProperty("fast").GetDouble());
        Assert.Equal(best.GetProperty("id").GetInt64(), original.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task ChunksCutTheWholeSpaceAndEvaluateEachValidCombinationOnce()
    {
        var client = factory.CreateClient();
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "grid-refused"));
        body["param_ranges"] = new JsonObject { ["fast"] = new JsonArray(5, 10, 20, 30), ["slow"] = new JsonArray(10, 20, 30) };
        var id = (await OptimizationRequests.CreateAsync(client, body)).GetProperty("id").GetInt64();

        using var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject());
        var done = await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() is "completed" or "failed", Timeout, "the grid to end");

        // Twelve positions, six of them with fast < slow, in chunks of four positions each (OptimizationsFactory).
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(6, done.GetProperty("total_combinations").GetInt32());
        Assert.Equal(6, done.GetProperty("progress").GetProperty("combinations_done").GetInt32());
        Assert.Equal(3, done.GetProperty("progress").GetProperty("chunks_total").GetInt32());
        var results = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/{id}/results?limit=50")).RootElement;
        Assert.Equal(
            ["5/10", "5/20", "5/30", "10/20", "10/30", "20/30"],
            results.EnumerateArray()
                .Select(result => (Fast: result.GetProperty("params").GetProperty("fast").GetDouble(), Slow: result.GetProperty("params").GetProperty("slow").GetDouble()))
                .OrderBy(pair => pair)
                .Select(pair => $"{pair.Fast}/{pair.Slow}"));
    }

    [Fact]
    public async Task RunningTheSameGridAgainGivesTheSameBest()
    {
        var client = factory.CreateClient();
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "grid-twice"))))
            .GetProperty("id").GetInt64();

        var first = await RunAsync(client, id);
        var second = await RunAsync(client, id);

        Assert.Equal(first.GetProperty("best_params").ToString(), second.GetProperty("best_params").ToString());
        Assert.Equal(first.GetProperty("best_score").GetDouble(), second.GetProperty("best_score").GetDouble());
    }

    private static async Task<JsonElement> RunAsync(HttpClient client, long id)
    {
        using var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/run/grid", new JsonObject { ["metric"] = "sharpe_ratio" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", Timeout, "the grid to complete");
    }

    /// <summary>Every combination through the engine directly, on the fake's candles, best total return first (ties: parameter text).</summary>
    internal static (double Fast, double Slow, double Return) ExhaustiveBest()
    {
        var start = OptimizationRequests.Start.ToUnixTimeMilliseconds();
        var candles = Enumerable.Range(0, 600).Select(hour => FakeMarket.Candle("BTCUSDT", start + hour * 3_600_000L)).ToList();
        var series = CandleSeries.Create(
            Interval.Parse("60"),
            candles.Select(candle => candle.OpenTime).ToArray(),
            candles.Select(candle => (double)candle.Open).ToArray(),
            candles.Select(candle => (double)candle.High).ToArray(),
            candles.Select(candle => (double)candle.Low).ToArray(),
            candles.Select(candle => (double)candle.Close).ToArray(),
            candles.Select(candle => (double)candle.Volume).ToArray()).Series!;
        var settings = new BacktestSettings { InitialCapital = 10_000, CommissionBps = 6 };
        return (from fast in new[] { 3.0, 5, 8 }
                from slow in new[] { 10.0, 20, 30 }
                let result = Backtester.Run(series, StrategyCatalog.Default.Create("sma_crossover", new Dictionary<string, double> { ["fast"] = fast, ["slow"] = slow }), settings)
                orderby result.Metrics.TotalReturn descending, $"{{\"fast\":{fast},\"slow\":{slow}}}" ascending
                select (fast, slow, result.Metrics.TotalReturn)).First();
    }
}
