using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Backtests.Tests.Backtests;

public sealed class MultiTimeframeRunsAnswerAtOnce(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>
{
    [Fact]
    public async Task ARunCarriesResultsIndicatorsAndItsConfiguration()
    {
        var client = factory.CreateClient();
        var body = BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, "mtf-run"), timeframe: "15", hours: 24 * 20);
        body["additional_timeframes"] = new JsonArray("60", "240");
        body["htf_filters"] = new JsonArray(new JsonObject { ["timeframe"] = "240", ["type"] = "trend_ma", ["params"] = new JsonObject { ["period"] = 10 } });

        using var response = await client.PostAsJsonAsync("/api/v1/backtests/mtf", body);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", answer.GetProperty("status").GetString());
        Assert.Equal("15", answer.GetProperty("central_timeframe").GetString());
        Assert.Equal(["60", "240"], answer.GetProperty("mtf_config").GetProperty("additional_timeframes").EnumerateArray().Select(item => item.GetString()));
        var hourly = answer.GetProperty("htf_indicators").GetProperty("60");
        Assert.Equal(24 * 20, hourly.GetProperty("timestamps").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, hourly.GetProperty("sma_200")[0].ValueKind);
        Assert.Equal(JsonValueKind.Number, hourly.GetProperty("sma_200")[250].ValueKind);
        var results = answer.GetProperty("results");
        var curve = results.GetProperty("equity_curve");
        Assert.Equal(24 * 20 * 4, curve.GetArrayLength());
        var finalCapital = results.GetProperty("final_capital").GetDouble();
        Assert.Equal(curve[curve.GetArrayLength() - 1].GetProperty("equity").GetDouble(), finalCapital, 6);
        Assert.Equal(finalCapital / 10_000 - 1, results.GetProperty("total_return").GetDouble(), 9);
        Assert.Equal(results.GetProperty("trades").GetArrayLength(), results.GetProperty("total_trades").GetInt32());
    }

    [Fact]
    public async Task MissingAdditionalTimeframesAre422SayingSo()
    {
        var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/backtests/mtf", BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, "mtf-missing")));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["additional_timeframes"], BacktestRequests.ErrorFields(problem));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("5")]
    public async Task AnInvalidOrLowerTimeframeIs422NamingIt(string timeframe)
    {
        var client = factory.CreateClient();
        var body = BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, $"mtf-bad-{timeframe}"), timeframe: "15");
        body["additional_timeframes"] = new JsonArray(timeframe);

        using var response = await client.PostAsJsonAsync("/api/v1/backtests/mtf", body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var detail = problem.GetProperty("detail").GetString();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["additional_timeframes"], BacktestRequests.ErrorFields(problem));
        Assert.StartsWith($"invalid timeframe '{timeframe}'", problem.GetProperty("errors").GetProperty("additional_timeframes")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnsupportedFilterTypeIsNamed()
    {
        var client = factory.CreateClient();
        var body = BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, "mtf-filter"), timeframe: "15");
        body["additional_timeframes"] = new JsonArray("60");
        body["htf_filters"] = new JsonArray(new JsonObject { ["timeframe"] = "60", ["type"] = "rsi_range" });

        var (status, problem) = await BacktestRequests.ProblemAsync(client.PostAsJsonAsync("/api/v1/backtests/mtf", body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["htf_filters[0].type"], BacktestRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task ALargeRunIsQueuedWith202()
    {
        var client = factory.CreateClient();
        var body = BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, "mtf-large"), timeframe: "1", hours: 24 * 100);
        body["additional_timeframes"] = new JsonArray("60");

        using var response = await client.PostAsJsonAsync("/api/v1/backtests/mtf", body);
        var queued = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        Assert.Equal(["60"], queued.GetProperty("additional_timeframes").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal($"/api/v1/backtests/{queued.GetProperty("id").GetInt64()}", response.Headers.Location?.ToString());
    }
}
