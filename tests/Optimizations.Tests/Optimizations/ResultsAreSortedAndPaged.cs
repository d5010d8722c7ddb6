using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Optimizations;

public sealed class ResultsAreSortedAndPaged(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("sort=luck")]
    [InlineData("order=sideways")]
    [InlineData("offset=-1")]
    [InlineData("sort=score&order=up&offset=-3")]
    public async Task ResultsRefuseAnUnknownSortOrderOrANegativeOffset(string query)
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "results-invalid");

        var (status, problem) = await OptimizationRequests.SendAsync(client.GetAsync($"/api/v1/optimizations/{id}/results?{query}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["sort"], OptimizationRequests.ErrorFields(problem));
    }

    [Theory]
    [InlineData("results?sort=total_trades&order=asc")]
    [InlineData("best-params")]
    [InlineData("best")]
    public async Task ResultsOfAnUnknownOptimizationAre404(string path)
    {
        var (status, problem) = await OptimizationRequests.SendAsync(factory.CreateClient().GetAsync($"/api/v1/optimizations/987654/{path}"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Optimization not found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AMinimizedMetricListsTheLowestScoreFirstAndEveryColumnSortsBothWays()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "results-minimized");
        using var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject { ["metric"] = "max_drawdown" });
        var done = await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() is "completed" or "failed", Timeout, "the grid to end");

        var byDefault = await ResultsAsync(client, id, "");
        var descending = await ResultsAsync(client, id, "?order=desc");
        var fewestTrades = await ResultsAsync(client, id, "?sort=total_trades&order=asc");
        var mostTradesByDefault = await ResultsAsync(client, id, "?sort=total_trades");
        var page = await ResultsAsync(client, id, "?sort=win_rate&order=asc&limit=2&offset=1");
        var atLeastOne = await ResultsAsync(client, id, "?limit=0");
        var beyond = await ResultsAsync(client, id, "?offset=9");
        var best = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/{id}/best-params")).RootElement;

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("minimize", done.GetProperty("results").GetProperty("direction").GetString());
        var scores = byDefault.Select(result => result.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(9, scores.Count);
        Assert.Equal(scores.Order(), scores);
        Assert.Equal(scores.OrderDescending(), descending.Select(result => result.GetProperty("score").GetDouble()));
        Assert.Equal(scores[0], best.GetProperty("score").GetDouble());
        Assert.Equal(scores[0], done.GetProperty("best_score").GetDouble());
        var trades = fewestTrades.Select(result => result.GetProperty("total_trades").GetInt32()).ToList();
        Assert.Equal(trades.Order(), trades);
        Assert.Equal(trades.OrderDescending(), mostTradesByDefault.Select(result => result.GetProperty("total_trades").GetInt32()));
        var winRates = (await ResultsAsync(client, id, "?sort=win_rate&order=asc")).Select(result => result.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(winRates.Skip(1).Take(2), page.Select(result => result.GetProperty("id").GetInt64()));
        Assert.Single(atLeastOne);
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task ARunWhoseConstraintsNoCombinationMeetsCompletesWithoutABest()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "results-constrained");
        using var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject { ["min_trades"] = 100_000 });
        var done = await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() is "completed" or "failed", Timeout, "the grid to end");

        var results = await ResultsAsync(client, id, "?sort=score");
        var (bestStatus, _) = await OptimizationRequests.SendAsync(client.GetAsync($"/api/v1/optimizations/{id}/best-params"));

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("best_params").ValueKind);
        Assert.Equal(9, results.Count);
        Assert.All(results, result => Assert.Equal(JsonValueKind.Null, result.GetProperty("score").ValueKind));
        Assert.All(results, result => Assert.True(result.GetProperty("total_trades").GetInt32() < 100_000));
        Assert.Equal(HttpStatusCode.NotFound, bestStatus);
    }

    private static async Task<List<JsonElement>> ResultsAsync(HttpClient client, long id, string query) =>
        [.. JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/{id}/results{query}")).RootElement.Clone().EnumerateArray()];
}
