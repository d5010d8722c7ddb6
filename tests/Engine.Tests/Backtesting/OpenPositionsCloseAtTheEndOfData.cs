using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class OpenPositionsCloseAtTheEndOfData
{
    [Fact]
    public void ClosesAtTheLastCloseWithCostsAndFlagsIt()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 100, 100, 100), (100, 130, 100, 120));
        var settings = Run.Frictionless with { CommissionBps = 10, SlippageBps = 10 };

        var result = Run.Scripted(candles, settings, (0, Scripted.Long));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(ExitReason.EndOfData, trade.ExitReason);
        Assert.Equal((2, Bars.Start + 120_000), (trade.ExitBarIndex, trade.ExitTime));
        Assert.Equal(120 * 0.999, trade.ExitPrice, 10);
        Assert.Equal(2, trade.BarsHeld);
        Assert.Equal(10_000 + trade.Pnl, result.Equity.Span[^1], 9);
        Assert.Equal(result.Metrics.FinalCapital, result.Equity.Span[^1]);
    }

    [Fact]
    public void ShortPnlIsEntryMinusExit()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 100, 100, 100), (80, 80, 80, 80));
        var result = Run.Scripted(candles, Run.Frictionless with { Direction = TradeDirection.Short }, (0, Scripted.Short));

        var trade = Assert.Single(result.Trades);
        Assert.Equal((TradeSide.Short, 100.0, 80.0), (trade.Side, trade.EntryPrice, trade.ExitPrice));
        Assert.Equal(2_000, trade.Pnl, 9);
        Assert.Equal(20, trade.PnlPct, 9);
        Assert.Equal([10_000, 10_000, 12_000], result.Equity.ToArray(), new Tolerance(1e-12));
    }
}
