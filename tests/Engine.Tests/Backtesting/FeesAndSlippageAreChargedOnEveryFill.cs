using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class FeesAndSlippageAreChargedOnEveryFill
{
    [Fact]
    public void LongRoundTripPaysBothSides()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 110, 100, 105), (110, 110, 110, 110));
        var settings = Run.Frictionless with { CommissionBps = 10, SlippageBps = 20 };

        var result = Run.Scripted(candles, settings, (0, Scripted.Long), (1, Scripted.ExitLong));

        // Entry: buy at 100 + 0.2 % slippage; margin plus fee use all 10 000: notional × (1 + 0.001) = 10 000.
        var entry = 100 * 1.002;
        var notional = 10_000 / 1.001;
        var quantity = notional / entry;
        var entryFee = notional * 0.001;

        // Exit: sell at 110 − 0.2 %.
        var exit = 110 * 0.998;
        var exitFee = quantity * exit * 0.001;
        var gross = quantity * (exit - entry);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(entry, trade.EntryPrice, 10);
        Assert.Equal(exit, trade.ExitPrice, 10);
        Assert.Equal(quantity, trade.Quantity, 10);
        Assert.Equal(entryFee + exitFee, trade.Commission, 9);
        Assert.Equal(gross, trade.GrossPnl, 9);
        Assert.Equal(gross - entryFee - exitFee, trade.Pnl, 9);
        Assert.Equal((gross - entryFee - exitFee) / notional * 100, trade.PnlPct, 9);
        Assert.Equal(ExitReason.Signal, trade.ExitReason);

        Assert.Equal([10_000, 10_000 - entryFee + quantity * (105 - entry), 10_000 + gross - entryFee - exitFee], result.Equity.ToArray(), new Tolerance(1e-9));
        Assert.Equal(entryFee + exitFee, result.Metrics.Metrics.TotalCommission, 9);
    }

    [Fact]
    public void ShortsSlipTheOtherWay()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 100, 90, 95), (90, 90, 90, 90));
        var settings = Run.Frictionless with { Direction = TradeDirection.Short, SlippageBps = 50 };

        var trade = Assert.Single(Run.Scripted(candles, settings, (0, Scripted.Short), (1, Scripted.Long)).Trades);

        Assert.Equal(TradeSide.Short, trade.Side);
        Assert.Equal(99.5, trade.EntryPrice, 10);
        Assert.Equal(90.45, trade.ExitPrice, 10);
        Assert.Equal(10_000 / 99.5 * (99.5 - 90.45), trade.Pnl, 9);
    }

    [Fact]
    public void DefaultsToBybitTakerCommission() => Assert.Equal(5.5, new BacktestSettings().CommissionBps);
}
