using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;

namespace Platform.Optimizations.Tests.Objectives;

public sealed class RunRequestsAreCheckedBeforeTheyQueue(ApiOnlyOptimizationsFactory factory) : IClassFixture<ApiOnlyOptimizationsFactory>
{
    [Theory]
    [InlineData("grid", """{"strategy_config": [1]}""", "strategy_config")]
    [InlineData("grid", """{"param_space": "fast"}""", "param_space")]
    [InlineData("grid", """{"metric": "luck"}""", "metric")]
    [InlineData("grid", """{"direction": "sideways"}""", "direction")]
    [InlineData("grid", """{"min_trades": -1}""", "constraints")]
    [InlineData("grid", """{"max_drawdown": 0}""", "constraints")]
    [InlineData("grid", """{"max_drawdown": 1.5}""", "constraints")]
    [InlineData("grid", """{"min_trades": 0, "max_drawdown": -0.2}""", "constraints")]
    [InlineData("run/grid", """{"metric": "luck", "direction": "up", "min_trades": -3}""", "constraints,direction,metric")]
    [InlineData("walk-forward", """{"direction": "sideways", "train_size": 8, "test_size": 4}""", "direction")]
    [InlineData("grid", """{"strategy_config": {"leverage": "high"}}""", "config.leverage")]
    [InlineData("grid", """{"strategy_config": {"commission": 1e400}}""", "config.commission")]
    [InlineData("grid", """{"param_space": {"fast": [50], "slow": [10]}}""", "param_ranges,param_ranges.slow")]
    public async Task AnInvalidRunRequestIs422NamingTheFieldAndQueuesNothing(string path, string body, string fields)
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, $"run-invalid-{path}");

        var (status, problem) = await PostAsync(client, $"/api/v1/optimizations/{id}/{path}", body);
        var stored = await OptimizationRequests.GetAsync(client, id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(fields.Split(','), OptimizationRequests.ErrorFields(problem));
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("progress").ValueKind);
    }

    [Theory]
    [InlineData("grid")]
    [InlineData("walk-forward")]
    public async Task ARunOfAnUnknownOptimizationIs404(string path)
    {
        var (status, problem) = await PostAsync(factory.CreateClient(), $"/api/v1/optimizations/987654/{path}", """{"metric": "sharpe_ratio", "train_size": 8, "test_size": 4}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Optimization not found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task EmptySpaceAndConfigFallBackToTheOptimizationsOwn()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "run-fallback", body => body["config"] = new JsonObject { ["direction"] = "both" });

        var (status, started) = await PostAsync(
            client, $"/api/v1/optimizations/{id}/grid", """{"param_space": {}, "strategy_config": {}, "metric": "max_drawdown", "min_trades": 0, "max_drawdown": 1}""");
        var stored = await OptimizationRequests.GetAsync(client, id);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(9, started.GetProperty("total_combinations").GetInt32());
        Assert.Equal("both", stored.GetProperty("config").GetProperty("direction").GetString());
        Assert.Equal(3, stored.GetProperty("param_ranges").GetProperty("fast").GetArrayLength());
        var objective = stored.GetProperty("objective");
        Assert.Equal("max_drawdown", objective.GetProperty("metric").GetString());
        Assert.False(objective.GetProperty("maximize").GetBoolean());
        Assert.Equal(0, objective.GetProperty("min_trades").GetInt32());
        Assert.Equal(1, objective.GetProperty("max_drawdown").GetDouble());
    }

    [Fact]
    public async Task AGivenSpaceAndConfigReplaceTheStoredOnesAndDirectionOverridesTheMetricsOwn()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "run-given");

        var (status, started) = await PostAsync(
            client,
            $"/api/v1/optimizations/{id}/grid",
            """{"param_space": {"fast": [4], "slow": [10, 20]}, "strategy_config": {"leverage": 2, "direction": "short"}, "metric": "max_drawdown", "direction": "maximize"}""");
        var stored = await OptimizationRequests.GetAsync(client, id);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(2, started.GetProperty("total_combinations").GetInt32());
        Assert.Equal("short", stored.GetProperty("config").GetProperty("direction").GetString());
        Assert.Equal(2, stored.GetProperty("param_ranges").GetProperty("slow").GetArrayLength());
        Assert.True(stored.GetProperty("objective").GetProperty("maximize").GetBoolean());
    }

    [Fact]
    public async Task ANullBodyRunsWithTheStoredSettings()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "run-null");

        var (status, started) = await PostAsync(client, $"/api/v1/optimizations/{id}/grid", "null");
        var stored = await OptimizationRequests.GetAsync(client, id);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(9, started.GetProperty("total_combinations").GetInt32());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("config").ValueKind);
        Assert.True(stored.GetProperty("objective").GetProperty("maximize").GetBoolean());
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, string json) =>
        OptimizationRequests.SendAsync(client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json")));
}
