using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Backtests.Tests.Backtests;

public sealed class BacktestsAreValidatedListedAndUpdated(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>
{
    [Theory]
    [InlineData("symbol", "btcusdt")]
    [InlineData("symbol", "BTCUSD")]
    [InlineData("timeframe", "7")]
    [InlineData("timeframe", "720")]
    [InlineData("initial_capital", 0)]
    [InlineData("initial_capital", 2_000_000)]
    [InlineData("leverage", 101)]
    [InlineData("commission", 0.02)]
    [InlineData("end_date", "2023-12-31T00:00:00Z")]
    public async Task AnInvalidFieldIs422NamingIt(string field, object value)
    {
        var client = factory.CreateClient();
        var body = BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, $"invalid-{field}-{value}"));
        body[field] = value is string text ? JsonValue.Create(text) : JsonSerializer.SerializeToNode(value);

        using var response = await client.PostAsJsonAsync("/api/v1/backtests/", body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([field], BacktestRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task AnUnknownTimeframeInTheExtrasIsNamed()
    {
        var client = factory.CreateClient();
        var body = BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, "bad-extra"));
        body["additional_timeframes"] = new JsonArray("15", "2h");

        var (status, problem) = await BacktestRequests.ProblemAsync(client.PostAsJsonAsync("/api/v1/backtests/", body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["additional_timeframes"], BacktestRequests.ErrorFields(problem));
        Assert.StartsWith("invalid timeframe '2h'", problem.GetProperty("errors").GetProperty("additional_timeframes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownStrategyIs404StrategyNotFound()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/backtests/", BacktestRequests.Backtest(987_654));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Strategy not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParametersOutsideTheStrategySchemaAre422NamingTheParameter()
    {
        var client = factory.CreateClient();
        var body = BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, "bad-parameter"));
        body["config"] = new JsonObject { ["fast"] = 0 };

        using var response = await client.PostAsJsonAsync("/api/v1/backtests/", body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["config.fast"], BacktestRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task TheListFiltersSortsPagesAndCountsEveryMatch()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "listing");
        foreach (var capital in new[] { 1_000, 3_000, 2_000 })
        {
            var body = BacktestRequests.Backtest(strategyId, symbol: "LISTUSDT");
            body["initial_capital"] = capital;
            await BacktestRequests.CreateAsync(client, body);
        }

        var page = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/backtests/?strategy_id={strategyId}&symbol=LISTUSDT&order_by=initial_capital&order_dir=asc&limit=2&offset=1")).RootElement;
        var clamped = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/?strategy_id={strategyId}&limit=5000")).RootElement;

        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal([2_000.0, 3_000.0], page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("initial_capital").GetDouble()));
        Assert.Equal(3, clamped.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("order_by=config")]
    [InlineData("order_dir=sideways")]
    [InlineData("status=paused")]
    [InlineData("offset=-1")]
    public async Task UnknownSortKeysAndStatusesAreBadRequests(string query)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AQueuedBacktestCanBeEditedAndCancelled()
    {
        var client = factory.CreateClient();
        var id = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, "editable")))).GetProperty("id").GetInt64();

        using var edited = await client.PutAsJsonAsync($"/api/v1/backtests/{id}", new JsonObject { ["symbol"] = "ETHUSDT", ["initial_capital"] = 5_000 });
        using var cancelled = await client.PutAsJsonAsync($"/api/v1/backtests/{id}", new JsonObject { ["status"] = "failed" });
        using var completed = await client.PutAsJsonAsync($"/api/v1/backtests/{id}", new JsonObject { ["status"] = "completed" });
        var current = await BacktestRequests.GetAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, completed.StatusCode);
        Assert.Equal("ETHUSDT", current.GetProperty("symbol").GetString());
        Assert.Equal(5_000, current.GetProperty("initial_capital").GetDouble());
        Assert.Equal("failed", current.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UpdatesAreValidatedLikeCreation()
    {
        var client = factory.CreateClient();
        var id = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, "update-checks")))).GetProperty("id").GetInt64();

        var badStatus = await BacktestRequests.ProblemAsync(client.PutAsJsonAsync($"/api/v1/backtests/{id}", new JsonObject { ["status"] = "paused" }));
        var badDates = await BacktestRequests.ProblemAsync(client.PutAsJsonAsync($"/api/v1/backtests/{id}", new JsonObject { ["end_date"] = "2023-06-01T00:00:00Z" }));
        var badConfig = await BacktestRequests.ProblemAsync(client.PutAsJsonAsync($"/api/v1/backtests/{id}", new JsonObject { ["config"] = new JsonObject { ["slow"] = 1 } }));
        using var missing = await client.PutAsJsonAsync("/api/v1/backtests/999999", new JsonObject { ["symbol"] = "ETHUSDT" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStatus.Status);
        Assert.Equal(["status"], BacktestRequests.ErrorFields(badStatus.Problem));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDates.Status);
        Assert.Equal(["end_date"], BacktestRequests.ErrorFields(badDates.Problem));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badConfig.Status);
        Assert.Equal(["config.slow"], BacktestRequests.ErrorFields(badConfig.Problem));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("""{"strategy_id": 1, "config": {"fast": 3, "fast": 4}}""")]
    [InlineData("""{"strategy_id": "one"}""")]
    [InlineData("""{"strategy_id": 1,""")]
    public async Task MalformedBodiesAreBadRequests(string json)
    {
        using var response = await factory.CreateClient().PostAsync(
            "/api/v1/backtests/", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
