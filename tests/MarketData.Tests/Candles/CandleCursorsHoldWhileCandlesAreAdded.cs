namespace Platform.MarketData.Tests.Candles;

/// <summary>
/// A cursor marks the last candle a page held: candles stored before it afterwards (gaps filled, older history) neither
/// repeat nor shift the pages that follow, and candles stored after it are read in their place.
/// </summary>
public sealed class CandleCursorsHoldWhileCandlesAreAdded(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Theory]
    [InlineData("json", "STABLEJSON")]
    [InlineData("csv", "STABLECSV")]
    [InlineData("binary", "STABLEBIN")]
    public async Task PagesAfterTheCursorSeeOnlyWhatLiesAfterIt(string format, string symbol)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var client = factory.CreateClient();
        var connection = factory.DatabaseConnectionString!;
        // Minutes 0 to 2,999 with every tenth (3, 13, ...) missing: 2,700 bars.
        var missing = Enumerable.Range(0, 3_000).Where(minute => minute % 10 == 3).ToList();
        await CandlePages.StoreAsync(connection, symbol, "1", [.. Enumerable.Range(0, 3_000).Except(missing).Select(CandlePages.Bar)], timeout.Token);
        var query = $"symbol={symbol}&interval=1&limit=1000&format={format}";

        var first = await CandlePages.ReadAsync(client, query, null, timeout.Token);
        var cursorAt = first.Items[^1].OpenTime;
        // Filled gaps and older history before the cursor, filled gaps after it.
        List<CandleValues> before = [.. Enumerable.Range(-50, 50).Concat(missing).Select(CandlePages.Bar).Where(bar => bar.OpenTime < cursorAt)];
        List<CandleValues> after = [.. missing.Select(CandlePages.Bar).Where(bar => bar.OpenTime > cursorAt)];
        await CandlePages.StoreAsync(connection, symbol, "1", [.. before, .. after], timeout.Token);
        var rest = await CandlePages.ReadAllAsync(client, query, null, timeout.Token, first.NextCursor);

        // The first page: the first 1,000 bars as stored then, minute 1,110 last (1,000 of 1,111 minutes less 111 gaps).
        Assert.Equal(CandlePages.Bar(1_110).OpenTime, cursorAt);
        Assert.Equal(Enumerable.Range(0, 1_111).Except(missing).Select(CandlePages.Bar), first.Items);
        // The rest: every minute after the cursor, the filled gaps among them, and nothing from before it.
        Assert.Equal(Enumerable.Range(1_111, 3_000 - 1_111).Select(CandlePages.Bar), rest.SelectMany(page => page.Items));
        Assert.Equal([1_000, 889], rest.Select(page => page.Items.Count));
        Assert.Equal(50 + 111, before.Count);
    }
}
