using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Strategies;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Filters;

public sealed class TrendFiltersGateEntries
{
    private static readonly Interval FiveMinutes = Interval.Parse("5");

    // Five-minute closes: 100, 110 (closes at minute 10), 90 (minute 15), 95 (minute 20).
    private static readonly CandleSeries Candles = Bars.Flat([.. Enumerable.Repeat(100.0, 5), .. Enumerable.Repeat(110.0, 5), .. Enumerable.Repeat(90.0, 5), .. Enumerable.Repeat(95.0, 5)]);

    private static byte[] Permits(params TrendFilter[] filters) => EntryPermits.Compute(Candles, filters)!;

    [Fact]
    public void UsesOnlyTheLastClosedHigherCandle()
    {
        // SMA(2) of five-minute closes: -, 105, 100, 92.5. Bar 9 is the first to see the second candle closed.
        var permits = Permits(new TrendFilter(FiveMinutes, 2));

        Assert.All(permits[..9], p => Assert.Equal(0, p));
        Assert.All(permits[9..14], p => Assert.Equal(Signal.EnterLong, p));
        Assert.All(permits[14..19], p => Assert.Equal(Signal.EnterShort, p));
        Assert.Equal(Signal.EnterLong, permits[19]);
    }

    [Fact]
    public void PriceAboveAndBelowGateBothSides()
    {
        var above = Permits(new TrendFilter(FiveMinutes, 2, TrendCondition.PriceAbove));
        var below = Permits(new TrendFilter(FiveMinutes, 2, TrendCondition.PriceBelow));

        Assert.Equal(Signal.Entries, above[10]);
        Assert.Equal(0, above[15]);
        Assert.Equal(0, below[10]);
        Assert.Equal(Signal.Entries, below[15]);
    }

    [Fact]
    public void EveryFilterMustAgree()
    {
        var permits = Permits(new TrendFilter(FiveMinutes, 2), new TrendFilter(FiveMinutes, 1, TrendCondition.PriceBelow, MovingAverageKind.Ema));
        Assert.All(permits, p => Assert.Equal(0, p));
        Assert.Null(EntryPermits.Compute(Candles, []));
    }

    [Fact]
    public void EmaFiltersWeighRecentCandlesMore()
    {
        // Closes 100, 110, 90, 95: EMA(2) = 105, 95, 95 from the second candle, SMA(2) = 105, 100, 92.5.
        var sma = Permits(new TrendFilter(FiveMinutes, 2, TrendCondition.PriceAbove));
        var ema = Permits(new TrendFilter(FiveMinutes, 2, TrendCondition.PriceAbove, MovingAverageKind.Ema));

        Assert.Equal(Signal.Entries, sma[19]);
        Assert.Equal(0, ema[19]);
    }

    [Fact]
    public void BlockedEntriesStillAllowExits()
    {
        var spec = Scripted.Spec((10, Scripted.Long), (12, Scripted.Short), (13, Scripted.Long), (15, Scripted.Long), (16, Scripted.Short));

        var result = Backtester.Run(Candles, spec, Run.Frictionless with { Direction = TradeDirection.Both }, [new TrendFilter(FiveMinutes, 2)]);

        // Bar 10: long allowed (uptrend). Bar 12: the short closes it but may not open. Bar 13: long again.
        // Bar 15: downtrend, the repeated long is ignored. Bar 16: closes the long and opens a short.
        Assert.Equal(
            [(TradeSide.Long, 11, 13), (TradeSide.Long, 14, 17), (TradeSide.Short, 17, 19)],
            result.Trades.Select(t => (t.Side, t.EntryBarIndex, t.ExitBarIndex)));
    }

    [Fact]
    public void EntriesAgainstTheTrendAreSkipped()
    {
        var spec = Scripted.Spec((5, Scripted.Long), (15, Scripted.Long));
        Assert.Empty(Backtester.Run(Candles, spec, Run.Frictionless, [new TrendFilter(FiveMinutes, 2)]).Trades);
    }

    [Fact]
    public void ValidatesIntervalAndPeriod()
    {
        var errors = TrendFilter.Validate([new(FiveMinutes, 1), new(Interval.Parse("1"), 5_001), new(default, 3), new(FiveMinutes, 0)], Interval.Parse("1"));
        Assert.Equal(["filters[1].interval", "filters[1].period", "filters[2].interval", "filters[3].period"], errors.Keys);
        Assert.Equal("must be a higher interval that 1 bars fit into exactly", errors["filters[1].interval"]);
        Assert.Equal("must be between 1 and 5000", errors["filters[3].period"]);
    }
}
