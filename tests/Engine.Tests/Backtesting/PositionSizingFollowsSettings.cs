using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class PositionSizingFollowsSettings
{
    private static readonly Platform.Engine.Data.CandleSeries Candles = Bars.Of((100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110));

    private static Trade? TradeWith(BacktestSettings settings) =>
        Run.Scripted(Candles, settings, (0, Scripted.Long)).Trades is [var trade] ? trade : null;

    [Fact]
    public void FractionOfEquityBuysThatShareOfCapital() =>
        Assert.Equal(25, TradeWith(Run.Frictionless with { Sizing = PositionSizing.FractionOfEquity(0.25) })!.Value.Quantity, 12);

    [Fact]
    public void LeverageMultipliesTheNotional() =>
        Assert.Equal(300, TradeWith(Run.Frictionless with { Leverage = 3 })!.Value.Quantity, 12);

    [Fact]
    public void FixedQuantityBuysExactlyThat()
    {
        var trade = TradeWith(Run.Frictionless with { Sizing = PositionSizing.FixedQuantity(3.5) })!.Value;
        Assert.Equal(3.5, trade.Quantity);
        Assert.Equal(35, trade.Pnl, 12);
    }

    [Fact]
    public void FixedQuantityTheCashCannotCoverIsNotOpened()
    {
        Assert.Null(TradeWith(Run.Frictionless with { Sizing = PositionSizing.FixedQuantity(100.01) }));
        Assert.NotNull(TradeWith(Run.Frictionless with { Sizing = PositionSizing.FixedQuantity(100) }));
        Assert.NotNull(TradeWith(Run.Frictionless with { Sizing = PositionSizing.FixedQuantity(200), Leverage = 2 }));
        Assert.Null(TradeWith(Run.Frictionless with { Sizing = PositionSizing.FixedQuantity(100), CommissionBps = 1 }));
    }

    [Fact]
    public void NothingIsOpenedOnceEquityIsGone()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 100, 80, 90), (90, 90, 90, 90), (90, 90, 90, 90));
        var result = Run.Scripted(candles, Run.Frictionless with { Leverage = 10 }, (0, Scripted.Long), (2, Scripted.Long));

        Assert.Single(result.Trades);
        Assert.Equal(0, result.Metrics.FinalCapital, 9);
        Assert.True(double.IsFinite(result.Metrics.SharpeRatio) && double.IsFinite(result.Metrics.SortinoRatio));
        Assert.Equal(100, result.DrawdownPct()[^1], 9);
    }

    [Fact]
    public void DescribesItself() => Assert.Equal("FixedQuantity:0.5", PositionSizing.FixedQuantity(0.5).ToString());
}
