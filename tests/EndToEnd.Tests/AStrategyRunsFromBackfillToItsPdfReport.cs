using System.Net;
using Platform.Client.Backtests.Models;
using Platform.Client.MarketData.Api.V1.Marketdata.Bybit.Prime;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class AStrategyRunsFromBackfillToItsPdfReport(PlatformFixture platform)
{
    private const string Symbol = "BTCUSDT";
    private const int HoursInRange = (31 + 29) * 24;
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BackfilledCandlesFeedABacktestWhoseReportIsAPdf()
    {
        var api = platform.Api;
        var strategyId = await api.CreateStrategyAsync("end-to-end sma");

        var prime = api.MarketData.Api.V1.Marketdata.Bybit.Prime;
        var queued = await prime.PostAsync(new PrimePostRequestBody { Symbol = Symbol, Intervals = "60", Start = Start.ToString("O"), End = End.ToString("O") });
        var backfill = await Eventually.ReturnsAsync(
            async () => (await prime[queued!.JobId!.Value.ToString()].GetAsync())!, job => GatewayCalls.Finished(job.Status), GatewayCalls.JobTimeout, "the backfill job");
        var bybitRequestsAfterBackfill = platform.Bybit.RequestsFor(Symbol, FakeBybitServer.KlinePath).Count;

        var created = await api.Backtests.Api.V1.Backtests.PostAsync(new CreateBacktestRequest
        {
            StrategyId = strategyId,
            Symbol = Symbol,
            Timeframe = "60",
            StartDate = Start,
            EndDate = End,
            InitialCapital = 10_000,
            Commission = 0.0006,
        });
        var backtest = await api.UntilFinishedAsync(created!.Id!.Value, "the backtest");
        var trades = await api.Backtests.Api.V1.Backtests[backtest.Id!.Value].Trades.GetAsync(request => request.QueryParameters.Limit = 1000);
        using var pdf = await platform.Gateway.GetAsync($"/api/v1/backtests/{backtest.Id}/export/pdf");
        var document = await pdf.Content.ReadAsByteArrayAsync();

        Assert.Equal("queued", created.Status);
        Assert.Equal("completed", backfill.Status);
        Assert.Equal(HoursInRange, backfill.CandlesStored);
        Assert.Equal("completed", backtest.Status);
        Assert.Equal(bybitRequestsAfterBackfill, platform.Bybit.RequestsFor(Symbol, FakeBybitServer.KlinePath).Count);
        Assert.True(backtest.TotalTrades > 0, $"{backtest.TotalTrades} trades");
        Assert.Equal(backtest.TotalTrades, trades!.Count);
        Assert.All(trades, trade => Assert.True(trade.EntryTime >= Start && trade.ExitTime <= End, $"trade {trade.Id} from {trade.EntryTime} to {trade.ExitTime}"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-"u8.ToArray(), document[..5]);
        Assert.True(document.AsSpan()[^8..].IndexOf("%%EOF"u8) >= 0, "the PDF ends with %%EOF");
    }
}
