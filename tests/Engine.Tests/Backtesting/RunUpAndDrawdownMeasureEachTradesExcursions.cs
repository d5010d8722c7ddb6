using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

/// <summary>
/// Run-up and drawdown cover the entry price, the high and low of every bar held to its close, and the exit bar's open
/// and exit price; percentages are of the entry value. The trades below hold 100 units from 100 (value 10 000).
/// </summary>
public sealed class RunUpAndDrawdownMeasureEachTradesExcursions
{
    private static readonly TupleTolerance Tolerant = new();

    [Fact]
    public void AnIntrabarExitCountsItsBarOnlyToTheExitPrice()
    {
        // Highs 105, 108; lows 97, 99; bar 3 stops at 93 although its low is 90 (and its high 112 is not counted).
        var candles = Bars.Of((100, 100, 100, 100), (100, 105, 97, 103), (103, 108, 99, 104), (104, 112, 90, 92));
        var trade = Run.Scripted(candles, Run.Frictionless with { StopLoss = PriceDistance.Percent(7) }, (0, Scripted.Long)).Trades[0];

        Assert.Equal((800.0, 8.0, 700.0, 7.0), (trade.RunUp, trade.RunUpPct, trade.Drawdown, trade.DrawdownPct), Tolerant);
    }

    [Fact]
    public void AnExitAtTheOpenCountsThatOpen()
    {
        // Signal exit at bar 3's open of 110, above every earlier high; bar 3's range is not counted.
        var candles = Bars.Of((100, 100, 100, 100), (100, 105, 97, 103), (103, 108, 99, 104), (110, 130, 60, 100));
        var trade = Run.Scripted(candles, Run.Frictionless, (0, Scripted.Long), (2, Scripted.ExitLong)).Trades[0];

        Assert.Equal((1_000.0, 300.0), (trade.RunUp, trade.Drawdown), Tolerant);
    }

    [Fact]
    public void TheLastBarCountsWholeAtTheEndOfData()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 105, 97, 103), (103, 111, 95, 104));
        var trade = Run.Scripted(candles, Run.Frictionless, (0, Scripted.Long)).Trades[0];

        Assert.Equal((1_100.0, 500.0), (trade.RunUp, trade.Drawdown), Tolerant);
    }

    [Fact]
    public void ShortsMirrorLongs()
    {
        // Short 100 units from 100: the low of 95 is the run-up, the high of 111 the drawdown.
        var candles = Bars.Of((100, 100, 100, 100), (100, 105, 97, 103), (103, 111, 95, 104));
        var trade = Run.Scripted(candles, Run.Frictionless with { Direction = TradeDirection.Short }, (0, Scripted.Short)).Trades[0];

        Assert.Equal((500.0, 5.0, 1_100.0, 11.0), (trade.RunUp, trade.RunUpPct, trade.Drawdown, trade.DrawdownPct), Tolerant);
    }

    [Fact]
    public void ATradeThatNeverMovesHasNone()
    {
        var trade = Run.Scripted(Bars.Flat(100, 100, 100), Run.Frictionless, (0, Scripted.Long)).Trades[0];

        Assert.Equal((0.0, 0.0), (trade.RunUp, trade.Drawdown));
    }
}
