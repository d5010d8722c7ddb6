using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class MaxBarsExitAtTheNextOpen
{
    private static readonly Platform.Engine.Data.CandleSeries Rising = Bars.Flat(100, 101, 102, 103, 104, 105);
    private static readonly BacktestSettings TwoBars = Run.Frictionless with { MaxBarsInTrade = 2 };

    [Fact]
    public void APositionHeldThatManyBarsLeavesAtTheFollowingOpen()
    {
        // Entry at bar 1's open (101), held through bars 1 and 2, out at bar 3's open (103): 10 000 / 101 × 2.
        var trade = Run.Scripted(Rising, TwoBars, (0, Scripted.Long)).Trades[0];

        Assert.Equal((ExitReason.MaxBars, 3, 103.0, 2), (trade.ExitReason, trade.ExitBarIndex, trade.ExitPrice, trade.BarsHeld));
        Assert.Equal(10_000.0 / 101 * 2, trade.Pnl, 9);
    }

    [Fact]
    public void ASignalExitAtTheSameOpenKeepsItsReason()
    {
        var trade = Run.Scripted(Rising, TwoBars, (0, Scripted.Long), (2, Scripted.ExitLong)).Trades[0];

        Assert.Equal((ExitReason.Signal, 3), (trade.ExitReason, trade.ExitBarIndex));
    }

    [Fact]
    public void AnEarlierExitComesFirst()
    {
        var trade = Run.Scripted(Rising, TwoBars, (0, Scripted.Long), (1, Scripted.ExitLong)).Trades[0];

        Assert.Equal((ExitReason.Signal, 2, 1), (trade.ExitReason, trade.ExitBarIndex, trade.BarsHeld));
    }

    [Fact]
    public void ShortsToo()
    {
        var trade = Run.Scripted(Rising, TwoBars with { Direction = TradeDirection.Short }, (0, Scripted.Short)).Trades[0];

        Assert.Equal((ExitReason.MaxBars, TradeSide.Short, 3), (trade.ExitReason, trade.Side, trade.ExitBarIndex));
        Assert.Equal(-10_000.0 / 101 * 2, trade.Pnl, 9);
    }
}
