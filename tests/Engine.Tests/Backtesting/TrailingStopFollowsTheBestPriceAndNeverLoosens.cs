using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

/// <summary>
/// Within bar i the trailing stop sits at the distance from the best price of the entry and bars before i; bar i's own
/// high (low for shorts) moves it only for the next bar, since the order of a bar's high and low is unknown.
/// </summary>
public sealed class TrailingStopFollowsTheBestPriceAndNeverLoosens
{
    private static readonly BacktestSettings TenPercent = Run.Frictionless with { TrailingStop = PriceDistance.Percent(10) };

    [Fact]
    public void ALongStopRisesWithTheHighsAndHoldsWhenPricesFall()
    {
        // Entry 100 at bar 1. Bar 1 trails at 90 (low 95 safe); its high 110 moves the stop to 99 for bar 2 (low 100 safe);
        // bar 2's high 120 moves it to 108; bar 3's lower high 119 leaves it at 108; bar 4's low 107 reaches it.
        var candles = Bars.Of(
            (100, 100, 100, 100), (100, 110, 95, 108), (108, 120, 100, 118), (118, 119, 109, 110), (110, 112, 107, 108), (108, 108, 108, 108));
        var trade = Run.Scripted(candles, TenPercent, (0, Scripted.Long)).Trades[0];

        Assert.Equal((ExitReason.TrailingStop, 4, 108.0), (trade.ExitReason, trade.ExitBarIndex, trade.ExitPrice));
        Assert.Equal(100 * 8, trade.Pnl, 9);
    }

    [Fact]
    public void ABarsOwnHighDoesNotRaiseTheStopItMeets()
    {
        // Bar 1: high 110 then low 99.5 would hit a stop of 99 if the high counted at once; it trails at 90 instead.
        var candles = Bars.Of((100, 100, 100, 100), (100, 110, 99.5, 109), (109, 109, 109, 109));
        var trade = Run.Scripted(candles, TenPercent, (0, Scripted.Long)).Trades[0];

        Assert.Equal(ExitReason.EndOfData, trade.ExitReason);
    }

    [Fact]
    public void AShortStopFallsWithTheLows()
    {
        // Short at 100: bar 1 trails at 110, its low 90 moves the stop to 99, which bar 2's high of 100 reaches.
        var candles = Bars.Of((100, 100, 100, 100), (100, 105, 90, 92), (92, 100, 80, 82), (82, 82, 82, 82));
        var settings = TenPercent with { Direction = TradeDirection.Short };
        var trade = Run.Scripted(candles, settings, (0, Scripted.Short)).Trades[0];

        Assert.Equal((ExitReason.TrailingStop, 2, 99.0), (trade.ExitReason, trade.ExitBarIndex, trade.ExitPrice));
    }

    [Fact]
    public void AnAtrTrailKeepsTheEntrysAtr()
    {
        // ATR(1) at the signal bar 0 is its range 10; the trail is 2 × 10 = 20 below the best price: 100 → 80 on bar 1,
        // 130 − 20 = 110 on bar 2 (whose own range of 40 changes nothing), reached by bar 2's low of 105.
        var candles = Bars.Of((100, 105, 95, 100), (100, 130, 90, 125), (125, 145, 105, 110), (110, 110, 110, 110));
        var settings = Run.Frictionless with { TrailingStop = PriceDistance.Atr(2, 1) };
        var trade = Run.Scripted(candles, settings, (0, Scripted.Long)).Trades[0];

        Assert.Equal((ExitReason.TrailingStop, 2, 110.0), (trade.ExitReason, trade.ExitBarIndex, trade.ExitPrice));
    }

    [Fact]
    public void AGapThroughTheTrailFillsAtTheOpen()
    {
        // Bar 1's high 110 sets the stop at 99; bar 2 opens at 95, below it. With 1 % slippage the entry fills at 101
        // (the best price starts there), the stop is still 110 × 0.9 = 99, and the exit fills at 95 × 0.99.
        var candles = Bars.Of((100, 100, 100, 100), (100, 110, 100, 109), (95, 96, 90, 92));
        var trade = Run.Scripted(candles, TenPercent, (0, Scripted.Long)).Trades[0];
        var slipped = Run.Scripted(candles, TenPercent with { SlippageBps = 100 }, (0, Scripted.Long)).Trades[0];

        Assert.Equal((ExitReason.TrailingStop, 2, 95.0), (trade.ExitReason, trade.ExitBarIndex, trade.ExitPrice));
        Assert.Equal(ExitReason.TrailingStop, slipped.ExitReason);
        Assert.Equal(95 * 0.99, slipped.ExitPrice, 10);
    }

    [Fact]
    public void TheTighterOfTheFixedAndTrailingStopsApplies()
    {
        // Fixed stop 5 % below the entry (95), trail 10 % (90 at first): early on the fixed stop is tighter and fills at 95;
        // after a high of 120 the trail (108) is tighter and fills instead.
        var settings = TenPercent with { StopLoss = PriceDistance.Percent(5) };
        var early = Bars.Of((100, 100, 100, 100), (100, 101, 94, 95), (95, 95, 95, 95));
        var late = Bars.Of((100, 100, 100, 100), (100, 100, 96, 99), (99, 120, 98, 119), (119, 119, 100, 101), (101, 101, 101, 101));

        var fixedStop = Run.Scripted(early, settings, (0, Scripted.Long)).Trades[0];
        var trailing = Run.Scripted(late, settings, (0, Scripted.Long)).Trades[0];

        Assert.Equal((ExitReason.StopLoss, 1, 95.0), (fixedStop.ExitReason, fixedStop.ExitBarIndex, fixedStop.ExitPrice));
        Assert.Equal((ExitReason.TrailingStop, 3, 108.0), (trailing.ExitReason, trailing.ExitBarIndex, trailing.ExitPrice));
    }
}
