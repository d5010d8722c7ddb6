using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;

namespace Platform.Optimizations.Tests.Limits;

/// <summary>The bar and grid limits of docs/api-behaviour.md, 3.4, through the HTTP API, with the service's default limits.</summary>
public sealed class OversizedOptimizationsAreRefusedBeforeAnythingIsStored(ApiOnlyOptimizationsFactory factory) : IClassFixture<ApiOnlyOptimizationsFactory>
{
    [Fact]
    public async Task ARangeOfMoreBarsThanTheLimitIs422NamingBothDatesWithTheNumbers()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("limit-bars"));
        var body = OptimizationRequests.Optimization(strategyId);
        body["timeframe"] = "1";
        body["start_date"] = "2024-01-01T00:00:00Z";
        body["end_date"] = "2026-01-01T00:00:00Z";

        var (status, problem) = await OptimizationRequests.SendAsync(client.PostAsJsonAsync("/api/v1/optimizations/", body));
        body["timeframe"] = "5";
        var atFiveMinutes = await OptimizationRequests.CreateAsync(client, body);

        // 2024 has 366 days and 2025 365: 731 × 1,440 one-minute bars.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["end_date", "start_date"], OptimizationRequests.ErrorFields(problem));
        var message = problem.GetProperty("errors").GetProperty("start_date")[0].GetString();
        Assert.Contains("1052640 bars of timeframe 1, more than the 1000000", message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(client, strategyId));
        Assert.Equal("5", atFiveMinutes.GetProperty("timeframe").GetString());
    }

    [Fact]
    public async Task RepeatedValuesCountOnce()
    {
        var client = factory.CreateClient();
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("limit-repeats")));
        body["param_ranges"] = JsonNode.Parse($$"""{"fast": [{{string.Join(", ", Enumerable.Repeat("3, 5, 8", 3_000))}}], "slow": [10, 20, 10, 30]}""");

        var created = await OptimizationRequests.CreateAsync(client, body);

        Assert.Equal(9, created.GetProperty("total_combinations").GetInt32());
    }

    [Fact]
    public async Task AListLongerThanTheCapIs422NamingTheParameterAndStoresNothing()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("limit-list"));
        var body = OptimizationRequests.Optimization(strategyId);
        body["param_ranges"] = JsonNode.Parse($$"""{"fast": [{{string.Join(", ", Enumerable.Range(1, 10_001))}}], "slow": [50]}""");

        var (status, problem) = await OptimizationRequests.SendAsync(client.PostAsJsonAsync("/api/v1/optimizations/", body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["param_ranges.fast"], OptimizationRequests.ErrorFields(problem));
        Assert.Contains("10001 values, more than the 10000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(client, strategyId));
    }

    [Fact]
    public async Task AProductOverTheCapIs422NamingTheParameterThatCrossedIt()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("limit-product"));
        var body = OptimizationRequests.Optimization(strategyId);
        body["param_ranges"] = new JsonObject
        {
            ["fast"] = new JsonObject { ["min"] = 1, ["max"] = 400 },
            ["slow"] = new JsonObject { ["min"] = 401, ["max"] = 800 },
        };

        var (status, problem) = await OptimizationRequests.SendAsync(client.PostAsJsonAsync("/api/v1/optimizations/", body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["param_ranges.slow"], OptimizationRequests.ErrorFields(problem));
        Assert.Contains("160000 combinations, more than the 100000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(client, strategyId));
    }

    [Fact]
    public async Task AGridRunOverTheCapIs422AndQueuesNothing()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "limit-run");

        var (status, problem) = await OptimizationRequests.SendAsync(client.PostAsync(
            $"/api/v1/optimizations/{id}/grid",
            new StringContent("""{"param_space": {"fast": {"min": 1, "max": 1000}, "slow": {"min": 1001, "max": 2000}}}""", System.Text.Encoding.UTF8, "application/json")));
        var stored = await OptimizationRequests.GetAsync(client, id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["param_ranges.slow"], OptimizationRequests.ErrorFields(problem));
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("progress").ValueKind);
        Assert.Equal("queued", stored.GetProperty("status").GetString());
    }

    private static async Task<long> CountAsync(HttpClient client, long strategyId) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/?strategy_id={strategyId}")).RootElement.GetProperty("total").GetInt64();
}
