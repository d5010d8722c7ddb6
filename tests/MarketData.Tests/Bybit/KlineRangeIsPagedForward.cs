using Microsoft.Extensions.DependencyInjection;
using Platform.Engine.Data;
using Platform.MarketData.Bybit;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Bybit;

public sealed class KlineRangeIsPagedForward(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const long Minute = 60_000;
    private static readonly long Start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public async Task TwentyThousandMinutesTakeTwentyRequestsOfAtMostAThousandBarsWithoutGapsOrDuplicates()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var bybit = factory.Services.GetRequiredService<BybitClient>();
        var end = Start + 19_999 * Minute;

        var pages = await bybit.GetKlineRangeAsync("RANGEUSDT", Interval.Parse("1"), Start, end, timeout.Token).ToListAsync(timeout.Token);

        Assert.Equal(20, BybitClient.CountPages(Interval.Parse("1"), Start, end));
        var requests = factory.Bybit.RequestsFor("RANGEUSDT");
        Assert.Equal(20, requests.Count);
        Assert.All(requests.Select((request, index) => (request, index)), sent =>
        {
            Assert.Equal(1000, sent.request.Number("limit"));
            Assert.Equal(Start + sent.index * 1000 * Minute, sent.request.Number("start"));
            Assert.Equal(Start + (sent.index * 1000 + 999) * Minute, sent.request.Number("end"));
        });
        var candles = pages.SelectMany(page => page).ToList();
        Assert.All(pages, page => Assert.Equal(BybitClient.PageLimit, page.Count));
        Assert.Equal(Enumerable.Range(0, 20_000).Select(index => Start + index * Minute), candles.Select(candle => candle.OpenTime));
        Assert.All(candles, candle => Assert.True(candle.IsClosed));
        Assert.All(candles.Where((_, index) => index % 997 == 0), candle =>
        {
            var expected = FakeMarket.Candle("RANGEUSDT", candle.OpenTime);
            Assert.Equal(
                (expected.Open, expected.High, expected.Low, expected.Close, expected.Volume, expected.Turnover),
                (candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, candle.Turnover));
        });
    }

    [Fact]
    public async Task PagesBeforeTheListingAreSkippedAndPagingGoesOnAfterThem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var bybit = factory.Services.GetRequiredService<BybitClient>();
        var listing = Start + 2_500 * Minute;
        factory.Bybit.SetListingTime("LATEUSDT", DateTimeOffset.FromUnixTimeMilliseconds(listing));

        var pages = await bybit.GetKlineRangeAsync("LATEUSDT", Interval.Parse("1"), Start, Start + 3_999 * Minute, timeout.Token).ToListAsync(timeout.Token);

        Assert.Equal(4, factory.Bybit.RequestsFor("LATEUSDT").Count);
        Assert.Equal(Enumerable.Range(0, 1_500).Select(index => listing + index * Minute), pages.SelectMany(page => page).Select(candle => candle.OpenTime));
    }

    [Fact]
    public async Task PagingStopsAtTheOpenCandle()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var bybit = factory.Services.GetRequiredService<BybitClient>();
        var interval = Interval.Parse("1");
        var start = interval.Floor(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) - 1_500 * Minute;

        var pages = await bybit.GetKlineRangeAsync("NOWUSDT", interval, start, start + 10_000 * Minute, timeout.Token).ToListAsync(timeout.Token);

        Assert.Equal(2, factory.Bybit.RequestsFor("NOWUSDT").Count);
        var candles = pages.SelectMany(page => page).ToList();
        Assert.All(candles, candle => Assert.True(candle.IsClosed));
        // The minute can turn during the two requests: 1500 bars closed before the call, up to two more by its end.
        Assert.InRange(candles.Count, 1_500, 1_502);
        Assert.Equal(Enumerable.Range(0, candles.Count).Select(index => start + index * Minute), candles.Select(candle => candle.OpenTime));
        Assert.True(candles[^1].OpenTime + Minute <= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }
}
