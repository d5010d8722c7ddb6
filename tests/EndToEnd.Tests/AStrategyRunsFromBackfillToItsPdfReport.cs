using System.Net;
using System.Text.Json.Nodes;
using Platform.Testing.FakeBybit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class AStrategyRunsFromBackfillToItsPdfReport(PlatformFixture platform)
{
    private const string Symbol = "BTCUSDT";
    private const string Start = "2024-01-01T00:00:00Z";
    private const string End = "2024-03-01T00:00:00Z";
    private const int HoursInRange = (31 + 29) * 24;

    [Fact]
    public async Task BackfilledCandlesFeedABacktestWhoseReportIsAPdf()
    {
        var gateway = platform.Gateway;
        var strategyId = await gateway.CreateStrategyAsync("end-to-end sma");

        using var prime = await gateway.PostAsync("/api/v1/marketdata/bybit/prime", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["symbol"] = Symbol,
            ["intervals"] = "60",
            ["start"] = Start,
            ["end"] = End,
        }));
        await GatewayCalls.ReadAsync(prime, HttpStatusCode.Accepted);
        var backfill = await gateway.UntilFinishedAsync(prime.Headers.Location!.ToString(), "the backfill job");
        var bybitRequestsAfterBackfill = platform.Bybit.RequestsFor(Symbol, FakeBybitServer.KlinePath).Count;

        var created = await gateway.PostJsonAsync("/api/v1/backtests/", new JsonObject
        {
            ["strategy_id"] = strategyId,
            ["symbol"] = Symbol,
            ["timeframe"] = "60",
            ["start_date"] = Start,
            ["end_date"] = End,
            ["initial_capital"] = 10_000,
            ["commission"] = 0.0006,
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var backtest = await gateway.UntilFinishedAsync($"/api/v1/backtests/{id}", "the backtest");
        var trades = await gateway.GetJsonAsync($"/api/v1/backtests/{id}/trades?limit=1000");
        using var pdf = await gateway.GetAsync($"/api/v1/backtests/{id}/export/pdf");
        var document = await pdf.Content.ReadAsByteArrayAsync();

        Assert.Equal("completed", backfill.GetProperty("status").GetString());
        Assert.Equal(HoursInRange, backfill.GetProperty("candles_stored").GetInt64());
        Assert.Equal("completed", backtest.GetProperty("status").GetString());
        Assert.Equal(bybitRequestsAfterBackfill, platform.Bybit.RequestsFor(Symbol, FakeBybitServer.KlinePath).Count);
        Assert.True(backtest.GetProperty("total_trades").GetInt32() > 0, backtest.ToString());
        Assert.Equal(backtest.GetProperty("total_trades").GetInt32(), trades.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-"u8.ToArray(), document[..5]);
        Assert.True(document.AsSpan()[^8..].IndexOf("%%EOF"u8) >= 0, "the PDF ends with %%EOF");
    }
}
