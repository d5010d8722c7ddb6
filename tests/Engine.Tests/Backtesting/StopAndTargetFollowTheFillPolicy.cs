using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class StopAndTargetFollowTheFillPolicy
{
    private static Trade TradeOn((double, double, double, double) bar, FillPolicy policy = FillPolicy.Pessimistic, TradeDirection direction = TradeDirection.Long)
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 101, 99, 100), bar, (100, 100, 100, 100));
        var settings = Run.Frictionless with { StopLoss = PriceDistance.Percent(5), TakeProfit = PriceDistance.Percent(10), FillPolicy = policy, Direction = direction };
        var signal = direction == TradeDirection.Long ? Scripted.Long : Scripted.Short;
        var result = Run.Scripted(candles, settings, (0, signal));
        Assert.Equal(policy, result.FillPolicy);
        return result.Trades[0];
    }

    private static (ExitReason Reason, double Price) ExitOn(
        (double, double, double, double) bar, FillPolicy policy = FillPolicy.Pessimistic, TradeDirection direction = TradeDirection.Long)
    {
        var trade = TradeOn(bar, policy, direction);
        return (trade.ExitReason, trade.ExitPrice);
    }

    [Fact]
    public void PessimisticTakesTheStopWhenABarTouchesBoth()
    {
        var trade = TradeOn((100, 112, 94, 100));
        Assert.Equal((ExitReason.StopLoss, 95.0, 2), (trade.ExitReason, trade.ExitPrice, trade.ExitBarIndex));
        Assert.Equal(2, trade.BarsHeld);
    }

    [Fact]
    public void OptimisticTakesTheTarget() =>
        Assert.Equal((ExitReason.TakeProfit, 110.0), ExitOn((100, 112, 94, 100), FillPolicy.Optimistic));

    [Fact]
    public void DefaultsToPessimistic() => Assert.Equal(FillPolicy.Pessimistic, new BacktestSettings().FillPolicy);

    [Theory]
    [InlineData(FillPolicy.Pessimistic)]
    [InlineData(FillPolicy.Optimistic)]
    public void OnlyTheLevelReachedFills(FillPolicy policy)
    {
        Assert.Equal((ExitReason.StopLoss, 95.0), ExitOn((100, 105, 94, 100), policy));
        Assert.Equal((ExitReason.TakeProfit, 110.0), ExitOn((100, 111, 96, 100), policy));
        Assert.Equal(ExitReason.EndOfData, TradeOn((100, 109.9, 95.1, 100), policy).ExitReason);
    }

    [Fact]
    public void ExactlyTouchingALevelFillsIt()
    {
        Assert.Equal(ExitReason.StopLoss, TradeOn((100, 100, 95, 100)).ExitReason);
        Assert.Equal(ExitReason.TakeProfit, TradeOn((100, 110, 100, 100)).ExitReason);
    }

    [Fact]
    public void AGapThroughALevelFillsAtTheOpen()
    {
        Assert.Equal((ExitReason.StopLoss, 90.0), ExitOn((90, 112, 85, 100), FillPolicy.Optimistic));
        Assert.Equal((ExitReason.TakeProfit, 115.0), ExitOn((115, 120, 90, 100)));
    }

    [Fact]
    public void ShortLevelsMirrorLongOnes()
    {
        Assert.Equal((ExitReason.StopLoss, 105.0), ExitOn((100, 106, 89, 100), direction: TradeDirection.Short));
        Assert.Equal((ExitReason.TakeProfit, 90.0), ExitOn((100, 106, 89, 100), FillPolicy.Optimistic, TradeDirection.Short));
        Assert.Equal((ExitReason.StopLoss, 107.0), ExitOn((107, 108, 100, 100), direction: TradeDirection.Short));
        Assert.Equal((ExitReason.TakeProfit, 88.0), ExitOn((88, 100, 85, 100), direction: TradeDirection.Short));
    }

    [Fact]
    public void GapAndTargetFillsPaySlippageAndCountTheirBar()
    {
        var settings = Run.Frictionless with { StopLoss = PriceDistance.Percent(5), TakeProfit = PriceDistance.Percent(10), SlippageBps = 100 };
        Trade Exit((double, double, double, double) bar) =>
            Run.Scripted(Bars.Of((100, 100, 100, 100), (100, 101, 99, 100), bar), settings, (0, Scripted.Long)).Trades[0];

        // Entry at 101 (100 + 1 %): stop 95.95, target 111.1.
        var gapDown = Exit((90, 91, 89, 90));
        var gapUp = Exit((120, 121, 119, 120));
        var target = Exit((105, 112, 104, 110));
        Assert.Equal((ExitReason.StopLoss, 2), (gapDown.ExitReason, gapDown.BarsHeld));
        Assert.Equal(90 * 0.99, gapDown.ExitPrice, 10);
        Assert.Equal((ExitReason.TakeProfit, 2), (gapUp.ExitReason, gapUp.BarsHeld));
        Assert.Equal(120 * 0.99, gapUp.ExitPrice, 10);
        Assert.Equal((ExitReason.TakeProfit, 2), (target.ExitReason, target.BarsHeld));
        Assert.Equal(101 * 1.1 * 0.99, target.ExitPrice, 10);
    }

    [Fact]
    public void LevelsApplyOnTheEntryBarAndPaySlippage()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 100, 90, 95));
        var settings = Run.Frictionless with { StopLoss = PriceDistance.Percent(5), SlippageBps = 100 };
        var trade = Run.Scripted(candles, settings, (0, Scripted.Long)).Trades[0];

        Assert.Equal(ExitReason.StopLoss, trade.ExitReason);
        Assert.Equal(101 * 0.95 * 0.99, trade.ExitPrice, 10);
        Assert.Equal(1, trade.BarsHeld);
    }
}
