using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class SignalsFillAtTheNextOpen
{
    private static readonly Platform.Engine.Data.CandleSeries Candles =
        Bars.Of((100, 101, 99, 100), (102, 104, 101, 103), (105, 106, 100, 101), (98, 99, 97, 98), (97, 98, 96, 97));

    [Fact]
    public void EntryAndExitUseTheOpenAfterTheSignalBar()
    {
        var trade = Assert.Single(Run.Scripted(Candles, Run.Frictionless, (0, Scripted.Long), (2, Scripted.ExitLong)).Trades);

        Assert.Equal((1, 3), (trade.EntryBarIndex, trade.ExitBarIndex));
        Assert.Equal((Bars.Start + 60_000, Bars.Start + 180_000), (trade.EntryTime, trade.ExitTime));
        Assert.Equal((102, 98), (trade.EntryPrice, trade.ExitPrice));
        Assert.Equal(2, trade.BarsHeld);
    }

    [Fact]
    public void ASignalOnTheLastBarIsNeverFilled() =>
        Assert.Empty(Run.Scripted(Candles, Run.Frictionless, (4, Scripted.Long)).Trades);

    [Fact]
    public void EquityIsMarkedToMarketAtEveryClose()
    {
        var result = Run.Scripted(Candles, Run.Frictionless, (0, Scripted.Long));
        var quantity = 10_000 / 102.0;

        double[] expected = [10_000, quantity * 103, quantity * 101, quantity * 98, quantity * 97];
        Assert.Equal(expected, result.Equity.ToArray(), new Tolerance(1e-12));
        Assert.Equal(Candles.OpenTime.ToArray(), result.Time.ToArray());
    }

    [Fact]
    public void OppositeSignalReversesWhenBothDirectionsAreAllowed()
    {
        var result = Run.Scripted(Candles, Run.Frictionless with { Direction = TradeDirection.Both }, (0, Scripted.Long), (1, Scripted.Short));

        Assert.Equal(2, result.Trades.Count);
        Assert.Equal((TradeSide.Long, 2, ExitReason.Signal), (result.Trades[0].Side, result.Trades[0].ExitBarIndex, result.Trades[0].ExitReason));
        Assert.Equal((TradeSide.Short, 2, 105.0), (result.Trades[1].Side, result.Trades[1].EntryBarIndex, result.Trades[1].EntryPrice));
        Assert.Equal(ExitReason.EndOfData, result.Trades[1].ExitReason);
    }

    [Fact]
    public void DirectionMasksEntriesButNotExits()
    {
        var longOnly = Run.Scripted(Candles, Run.Frictionless, (0, Scripted.Short), (1, Scripted.Long), (2, Scripted.Short));
        var shortOnly = Run.Scripted(Candles, Run.Frictionless with { Direction = TradeDirection.Short }, (0, Scripted.Long), (1, Scripted.Short), (2, Scripted.Long));

        var bought = Assert.Single(longOnly.Trades);
        Assert.Equal((TradeSide.Long, 2, 3), (bought.Side, bought.EntryBarIndex, bought.ExitBarIndex));
        var sold = Assert.Single(shortOnly.Trades);
        Assert.Equal((TradeSide.Short, 2, 3), (sold.Side, sold.EntryBarIndex, sold.ExitBarIndex));
    }

    [Fact]
    public void ARepeatedSignalDoesNotPyramid() =>
        Assert.Equal(10_000 / 102.0, Assert.Single(Run.Scripted(Candles, Run.Frictionless, (0, Scripted.Long), (1, Scripted.Long)).Trades).Quantity, 12);
}
