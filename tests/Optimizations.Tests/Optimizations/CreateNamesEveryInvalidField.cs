using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;

namespace Platform.Optimizations.Tests.Optimizations;

public sealed class CreateNamesEveryInvalidField(ApiOnlyOptimizationsFactory factory) : IClassFixture<ApiOnlyOptimizationsFactory>
{
    [Theory]
    [InlineData("strategy_id", null, "strategy_id")]
    [InlineData("strategy_id", "0", "strategy_id")]
    [InlineData("optimization_type", null, "optimization_type")]
    [InlineData("symbol", null, "symbol")]
    [InlineData("symbol", "\"ABCDEFGHIJKLMNOPQUSDT\"", "symbol")]
    [InlineData("timeframe", null, "timeframe")]
    [InlineData("start_date", null, "start_date")]
    [InlineData("end_date", null, "end_date")]
    [InlineData("end_date", "\"2024-01-01T00:00:00Z\"", "end_date")]
    [InlineData("metric", null, "metric")]
    [InlineData("initial_capital", null, "initial_capital")]
    [InlineData("initial_capital", "1000001", "initial_capital")]
    [InlineData("initial_capital", "-5", "initial_capital")]
    [InlineData("config", "[1]", "config")]
    [InlineData("config", "{\"fast\": 5, \"fast\": 6}", "config")]
    [InlineData("param_ranges", "[1]", "param_ranges")]
    public async Task AMissingOrMalformedFieldIs422NamingIt(string field, string? json, string expected)
    {
        var (status, problem) = await CreateWithAsync($"create-{field}", field, json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal([expected], OptimizationRequests.ErrorFields(problem));
    }

    [Theory]
    [InlineData("param_ranges", null, "param_ranges")]
    [InlineData("param_ranges", "{}", "param_ranges")]
    [InlineData("param_ranges", "{\"fast\": []}", "param_ranges.fast")]
    [InlineData("param_ranges", "{\"fast\": {\"min\": 9, \"max\": 3}}", "param_ranges.fast")]
    [InlineData("param_ranges", "{\"fast\": [\"five\"]}", "param_ranges.fast")]
    [InlineData("param_ranges", "{\"fast\": [3, 1e400]}", "param_ranges.fast")]
    [InlineData("param_ranges", "{\"fast\": {\"min\": 3, \"max\": 1e400}}", "param_ranges.fast")]
    [InlineData("config", "{\"leverage\": \"high\"}", "config.leverage")]
    [InlineData("config", "{\"commission\": null, \"leverage\": [2]}", "config.leverage")]
    [InlineData("config", "{\"commission\": \"cheap\"}", "config.commission")]
    [InlineData("config", "{\"commission\": 1e400}", "config.commission")]
    [InlineData("config", "{\"leverage\": 500}", "leverage")]
    [InlineData("config", "{\"commission\": 0.5}", "commission")]
    public async Task SettingsTheEngineRefusesAre422NamingTheSetting(string field, string? json, string expected)
    {
        var (status, problem) = await CreateWithAsync($"create-settings-{field}", field, json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal([expected], OptimizationRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task EveryFieldOfAnEmptyBodyIsNamed()
    {
        var (status, problem) = await OptimizationRequests.SendAsync(factory.CreateClient().PostAsJsonAsync("/api/v1/optimizations/", new JsonObject()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(
            ["initial_capital", "metric", "optimization_type", "start_date", "strategy_id", "symbol", "timeframe"],
            OptimizationRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task LeverageAndCommissionInTheConfigAreKeptWithTheOtherSettings()
    {
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "create-leverage"));
        body["config"] = new JsonObject { ["leverage"] = 5, ["commission"] = 0.001, ["direction"] = "both", ["stop_loss_pct"] = 2 };
        body["total_combinations"] = 1;

        var created = await OptimizationRequests.CreateAsync(factory.CreateClient(), body);

        Assert.Equal(9, created.GetProperty("total_combinations").GetInt32());
        Assert.Equal("queued", created.GetProperty("status").GetString());
        var config = created.GetProperty("config");
        Assert.Equal((5, 0.001, "both"), (config.GetProperty("leverage").GetInt32(), config.GetProperty("commission").GetDouble(), config.GetProperty("direction").GetString()));
    }

    /// <summary>Creates an optimization whose <paramref name="field"/> is <paramref name="json"/>, or missing when null.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Problem)> CreateWithAsync(string strategyName, string field, string? json)
    {
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique(strategyName)));
        if (json is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = JsonNode.Parse(json);
        }
        return await OptimizationRequests.SendAsync(factory.CreateClient().PostAsJsonAsync("/api/v1/optimizations/", body));
    }
}
