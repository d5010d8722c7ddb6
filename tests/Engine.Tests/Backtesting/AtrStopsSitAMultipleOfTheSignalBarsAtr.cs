using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class AtrStopsSitAMultipleOfTheSignalBarsAtr
{
    // ATR(2): true ranges 4, 4, 10 give NaN, 4, 7 at bars 0–2 (see AtrIsWildersAverageTrueRange).
    private static CandleSeries Candles((double, double, double, double) last) =>
        Bars.Of((100, 102, 98, 100), (100, 103, 99, 102), (102, 110, 100, 108), last);

    [Fact]
    public void TheStopUsesTheAtrOfTheSignalBar()
    {
        // Signal at bar 1 (ATR 4), entry at bar 2's open 102: the stop is 102 − 2 × 4 = 94, which bar 3 reaches.
        // With bar 2's ATR of 7 it would be 88 and bar 3 (low 93) would not reach it.
        var settings = Run.Frictionless with { StopLoss = PriceDistance.Atr(2, 2) };
        var trade = Run.Scripted(Candles((101, 101, 93, 95)), settings, (1, Scripted.Long)).Trades[0];

        Assert.Equal((ExitReason.StopLoss, 3, 94.0), (trade.ExitReason, trade.ExitBarIndex, trade.ExitPrice));
    }

    [Fact]
    public void TheTargetUsesItToo()
    {
        // Target 102 + 1 × 4 = 106, reached on the entry bar itself (high 110).
        var settings = Run.Frictionless with { TakeProfit = PriceDistance.Atr(1, 2) };
        var trade = Run.Scripted(Candles((108, 108, 108, 108)), settings, (1, Scripted.Long)).Trades[0];

        Assert.Equal((ExitReason.TakeProfit, 2, 106.0), (trade.ExitReason, trade.ExitBarIndex, trade.ExitPrice));
    }

    [Fact]
    public void AShortStopLiesAboveTheEntry()
    {
        // Short at 102, stop 102 + 2.5 × 4 = 112: not reached by bar 2 (high 110), reached by bar 3's high of 113.
        var settings = Run.Frictionless with { StopLoss = PriceDistance.Atr(2.5, 2), Direction = TradeDirection.Short };
        var trade = Run.Scripted(Candles((109, 113, 101, 109)), settings, (1, Scripted.Short)).Trades[0];

        Assert.Equal((ExitReason.StopLoss, 3, 112.0), (trade.ExitReason, trade.ExitBarIndex, trade.ExitPrice));
    }

    [Fact]
    public void AnEntryInTheAtrWarmUpIsNotOpened()
    {
        // Signal at bar 0, whose ATR(2) is still NaN: no entry. A percent stop needs no ATR and opens.
        var candles = Candles((101, 101, 93, 95));
        Assert.Empty(Run.Scripted(candles, Run.Frictionless with { StopLoss = PriceDistance.Atr(2, 2) }, (0, Scripted.Long)).Trades);
        Assert.Empty(Run.Scripted(candles, Run.Frictionless with { TrailingStop = PriceDistance.Atr(2, 2) }, (0, Scripted.Long)).Trades);
        Assert.Single(Run.Scripted(candles, Run.Frictionless with { StopLoss = PriceDistance.Percent(2) }, (0, Scripted.Long)).Trades);
    }
}
