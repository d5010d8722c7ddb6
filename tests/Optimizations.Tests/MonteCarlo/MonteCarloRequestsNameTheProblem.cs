using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class MonteCarloRequestsNameTheProblem(ApiOnlyOptimizationsFactory factory) : IClassFixture<ApiOnlyOptimizationsFactory>
{
    [Theory]
    [InlineData("""{"n_simulations": "many"}""", HttpStatusCode.BadRequest, "body")]
    [InlineData("""{"method": "shuffle"}""", HttpStatusCode.BadRequest, "body")]
    [InlineData("""{"confidence_level": 1}""", HttpStatusCode.UnprocessableEntity, "confidence_level")]
    [InlineData("""{"n_simulations": 5, "skip_fraction": 1}""", HttpStatusCode.UnprocessableEntity, "n_simulations,skip_fraction")]
    [InlineData("""{"n_simulations": 100}""", HttpStatusCode.UnprocessableEntity, "backtest_id")]
    [InlineData("""{"backtest_id": "12"}""", HttpStatusCode.UnprocessableEntity, "backtest_id")]
    [InlineData("""[1, 2]""", HttpStatusCode.UnprocessableEntity, "backtest_id")]
    [InlineData("""null""", HttpStatusCode.UnprocessableEntity, "backtest_id")]
    public async Task ARequestThatCannotRunNamesTheField(string body, HttpStatusCode expected, string fields)
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "monte-invalid");

        var (status, problem) = await PostAsync(client, id, body);

        Assert.Equal(expected, status);
        Assert.Equal(fields, string.Join(",", OptimizationRequests.ErrorFields(problem)));
    }

    [Fact]
    public async Task MonteCarloOfAnUnknownOptimizationIs404()
    {
        var (status, problem) = await PostAsync(factory.CreateClient(), 987_654, """{"n_simulations": 100}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Optimization not found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ABacktestThatIsNotCompletedIs422()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("monte-queued"));
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId))).GetProperty("id").GetInt64();
        var backtestId = await OptimizationRequests.QueuedBacktestAsync(factory.Backtests.CreateClient(), strategyId);

        var (status, problem) = await PostAsync(client, id, $$"""{"backtest_id": {{backtestId}}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["backtest_id"], OptimizationRequests.ErrorFields(problem));
        Assert.Contains("completed backtest", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACompletedBacktestWithoutTradesIs422NamingTheTrades()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("monte-no-trades"));
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId))).GetProperty("id").GetInt64();
        var backtestId = await OptimizationRequests.QueuedBacktestAsync(factory.Backtests.CreateClient(), strategyId);
        await OptimizationRequests.CompleteBacktestAsync(factory.Backtests.CreateClient(), backtestId, new JsonObject
        {
            ["final_capital"] = 10_000,
            ["total_return"] = 0,
            ["total_trades"] = 0,
            ["winning_trades"] = 0,
            ["losing_trades"] = 0,
            ["win_rate"] = 0,
            ["sharpe_ratio"] = 0,
            ["max_drawdown"] = 0,
            ["results"] = new JsonObject { ["trades"] = new JsonArray() },
        });

        var (status, problem) = await PostAsync(client, id, $$"""{"backtest_id": {{backtestId}}, "n_simulations": 100}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["trades"], OptimizationRequests.ErrorFields(problem));
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, long id, string json) =>
        OptimizationRequests.SendAsync(client.PostAsync($"/api/v1/optimizations/{id}/monte-carlo", new StringContent(json, System.Text.Encoding.UTF8, "application/json")));
}
