using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Optimizations.Tests.Grid;

public sealed class OptimizationsAreValidatedAndControlled(ApiOnlyOptimizationsFactory factory) : IClassFixture<ApiOnlyOptimizationsFactory>
{
    [Theory]
    [InlineData("optimization_type", "genetic")]
    [InlineData("symbol", "btc")]
    [InlineData("timeframe", "7")]
    [InlineData("metric", "luck")]
    [InlineData("end_date", "2023-01-01T00:00:00Z")]
    [InlineData("initial_capital", "0")]
    public async Task AnInvalidFieldIs422NamingIt(string field, string value)
    {
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, $"invalid-{field}"));
        body[field] = field == "initial_capital" ? JsonValue.Create(0) : JsonValue.Create(value);

        using var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/optimizations/", body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([field], OptimizationRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task AnUnknownStrategyIs404()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/optimizations/", OptimizationRequests.Optimization(987_654));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Strategy not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyCombinationsAre422WithTheCount()
    {
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "too-many"));
        body["param_ranges"] = new JsonObject
        {
            ["fast"] = new JsonObject { ["min"] = 1, ["max"] = 1000 },
            ["slow"] = new JsonObject { ["min"] = 2, ["max"] = 1001 },
        };

        var (status, problem) = await OptimizationRequests.SendAsync(factory.CreateClient().PostAsJsonAsync("/api/v1/optimizations/", body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["param_ranges.slow"], OptimizationRequests.ErrorFields(problem));
        Assert.Contains("1000000 combinations", problem.GetProperty("errors").GetProperty("param_ranges.slow")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGridWithNoValidCombinationIs422()
    {
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "empty-grid"));
        body["param_ranges"] = new JsonObject { ["fast"] = new JsonArray(50), ["slow"] = new JsonArray(10) };

        var (status, problem) = await OptimizationRequests.SendAsync(factory.CreateClient().PostAsJsonAsync("/api/v1/optimizations/", body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["param_ranges", "param_ranges.slow"], OptimizationRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task ASecondRunWhileOneIsQueuedIsAConflictAndCancelStopsIt()
    {
        var client = factory.CreateClient();
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "conflict"))))
            .GetProperty("id").GetInt64();

        using var first = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject());
        using var second = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject());
        using var cancel = await client.PostAsync($"/api/v1/optimizations/{id}/cancel", null);
        using var again = await client.PostAsync($"/api/v1/optimizations/{id}/cancel", null);
        using var restart = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("cancelled", JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
    }

    [Fact]
    public async Task BestParamsAre404UntilAResultExists()
    {
        var client = factory.CreateClient();
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "no-best"))))
            .GetProperty("id").GetInt64();

        using var best = await client.GetAsync($"/api/v1/optimizations/{id}/best-params");
        using var missing = await client.GetAsync("/api/v1/optimizations/999999");
        using var badSort = await client.GetAsync($"/api/v1/optimizations/{id}/results?sort=luck");

        Assert.Equal(HttpStatusCode.NotFound, best.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
    }

    [Fact]
    public async Task TheListCountsEveryMatchAndUpdatesFollowTheRules()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, "listed");
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId))).GetProperty("id").GetInt64();
        await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId));

        var page = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/?strategy_id={strategyId}&limit=1")).RootElement;
        using var toCompleted = await client.PutAsJsonAsync($"/api/v1/optimizations/{id}", new JsonObject { ["status"] = "completed" });
        using var newRanges = await client.PutAsJsonAsync($"/api/v1/optimizations/{id}", new JsonObject { ["param_ranges"] = new JsonObject { ["fast"] = new JsonArray(4, 6) } });

        Assert.Equal(2, page.GetProperty("total").GetInt64());
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, toCompleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newRanges.StatusCode);
        var updated = JsonDocument.Parse(await newRanges.Content.ReadAsStringAsync()).RootElement;
        Assert.True(updated.GetProperty("total_combinations").GetInt32() == 2, updated.ToString());
    }
}
