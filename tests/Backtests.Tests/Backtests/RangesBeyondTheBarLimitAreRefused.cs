using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Backtests.Tests.Backtests;

/// <summary>The bar limit of docs/api-behaviour.md, 2.5, with the service's default of 1,500,000 bars.</summary>
public sealed class RangesBeyondTheBarLimitAreRefused(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>
{
    // 2024 to 2028: 366 + 365 + 365 + 365 days, 2,103,840 one-minute bars.
    private const string FourYearsOfMinutes = "2103840 bars of timeframe 1, more than the 1500000";

    [Fact]
    public async Task ACreateOverTheLimitIs422NamingBothDatesAndStoresNothing()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "bars-create");

        var (status, problem) = await SendAsync(client.PostAsJsonAsync("/api/v1/backtests/", FourYears(strategyId, "1")));
        var atFiveMinutes = await BacktestRequests.CreateAsync(client, FourYears(strategyId, "5"));
        var stored = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/?strategy_id={strategyId}")).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["end_date", "start_date"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Contains(FourYearsOfMinutes, problem.GetProperty("errors").GetProperty("end_date")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, stored.GetProperty("total").GetInt64());
        Assert.Equal("5", atFiveMinutes.GetProperty("timeframe").GetString());
    }

    [Fact]
    public async Task AMultiTimeframeRunOverTheLimitIs422BeforeAnyCandleIsRead()
    {
        var client = factory.CreateClient();
        var body = FourYears(await BacktestRequests.CreateStrategyAsync(client, "bars-mtf"), "1");
        body["additional_timeframes"] = new JsonArray("60");

        var (status, problem) = await SendAsync(client.PostAsJsonAsync("/api/v1/backtests/mtf", body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(FourYearsOfMinutes, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUpdateThatWidensTheRunOverTheLimitIs422AndChangesNothing()
    {
        var client = factory.CreateClient();
        var id = (await BacktestRequests.CreateAsync(client, FourYears(await BacktestRequests.CreateStrategyAsync(client, "bars-update"), "60"))).GetProperty("id").GetInt64();

        var (status, problem) = await SendAsync(client.PutAsJsonAsync($"/api/v1/backtests/{id}", new JsonObject { ["timeframe"] = "1" }));
        var current = await BacktestRequests.GetAsync(client, id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(FourYearsOfMinutes, problem.GetProperty("errors").GetProperty("start_date")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("60", current.GetProperty("timeframe").GetString());
    }

    private static JsonObject FourYears(long strategyId, string timeframe)
    {
        var body = BacktestRequests.Backtest(strategyId, timeframe: timeframe);
        body["start_date"] = "2024-01-01T00:00:00Z";
        body["end_date"] = "2028-01-01T00:00:00Z";
        return body;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> SendAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
