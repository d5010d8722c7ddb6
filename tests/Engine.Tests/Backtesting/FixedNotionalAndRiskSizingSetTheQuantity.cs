using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class FixedNotionalAndRiskSizingSetTheQuantity
{
    // Entry at bar 1's open of 100; bar 2 falls to 90, through any stop up to 10 %.
    private static readonly CandleSeries Falling = Bars.Of((100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 90, 90));

    private static Trade? TradeWith(BacktestSettings settings, CandleSeries? candles = null) =>
        Run.Scripted(candles ?? Falling, settings, (0, Scripted.Long)).Trades is [var trade] ? trade : null;

    [Fact]
    public void FixedNotionalBuysThatManyUsdt()
    {
        Assert.Equal(20, TradeWith(Run.Frictionless with { Sizing = PositionSizing.FixedNotional(2_000) })!.Value.Quantity, 12);

        // 15 000 USDT at 2× needs 7 500 of margin.
        Assert.Equal(150, TradeWith(Run.Frictionless with { Sizing = PositionSizing.FixedNotional(15_000), Leverage = 2 })!.Value.Quantity, 12);
    }

    [Fact]
    public void FixedNotionalTheCashCannotCoverIsNotOpened()
    {
        Assert.NotNull(TradeWith(Run.Frictionless with { Sizing = PositionSizing.FixedNotional(10_000) }));
        Assert.Null(TradeWith(Run.Frictionless with { Sizing = PositionSizing.FixedNotional(10_000), CommissionBps = 1 }));
    }

    [Fact]
    public void RiskPercentDividesTheRiskByTheStopDistance()
    {
        // 1 % of 10 000 = 100 at risk; a 5 % stop is 5 away from 100: 100 / 5 = 20.
        var trade = TradeWith(Run.Frictionless with { Sizing = PositionSizing.RiskPercent(1), StopLoss = PriceDistance.Percent(5) })!.Value;

        Assert.Equal(20, trade.Quantity, 12);
        Assert.Equal((ExitReason.StopLoss, -100.0), (trade.ExitReason, trade.Pnl));
    }

    [Fact]
    public void RiskPercentLosesExactlyThatPercentWithFeesAndSlippage()
    {
        // Entry 100 × 1.001 = 100.1; stop 100.1 × 0.95 = 95.095, filled at 95.095 × 0.999 = 94.999905.
        // Loss per unit: 100.1 − 94.999905 + 0.001 × (100.1 + 94.999905) = 5.295194905; quantity 100 / 5.295194905.
        var settings = new BacktestSettings
        {
            Sizing = PositionSizing.RiskPercent(1), StopLoss = PriceDistance.Percent(5), CommissionBps = 10, SlippageBps = 10,
        };
        var trade = TradeWith(settings)!.Value;

        Assert.Equal(100 / 5.295194905, trade.Quantity, 9);
        Assert.Equal(-100, trade.Pnl, 9);
    }

    [Fact]
    public void RiskPercentWithAnAtrStop()
    {
        // ATR(1) at the signal bar 0 is its range 4; the stop is 2 × 4 = 8 away: 100 / 8 = 12.5.
        var candles = Bars.Of((100, 102, 98, 100), (100, 100, 100, 100), (100, 100, 90, 90));
        var settings = Run.Frictionless with { Sizing = PositionSizing.RiskPercent(1), StopLoss = PriceDistance.Atr(2, 1) };

        Assert.Equal(12.5, TradeWith(settings, candles)!.Value.Quantity, 12);
    }

    [Fact]
    public void RiskPercentUsesTheTrailingStopWhenItIsTighter()
    {
        // Fixed 8 %, trailing 4 %: the trail starts 4 away, so 100 / 4 = 25.
        var settings = Run.Frictionless with
        {
            Sizing = PositionSizing.RiskPercent(1), StopLoss = PriceDistance.Percent(8), TrailingStop = PriceDistance.Percent(4),
        };

        Assert.Equal(25, TradeWith(settings)!.Value.Quantity, 12);
    }

    [Fact]
    public void RiskSizingIsCappedAtWhatTheCashCanMargin()
    {
        // 50 % risk over a 1 % stop would be 5 000 units; 10 000 of cash at 1× buys 100, at 3× 300.
        var settings = Run.Frictionless with { Sizing = PositionSizing.RiskPercent(50), StopLoss = PriceDistance.Percent(1) };

        Assert.Equal(100, TradeWith(settings)!.Value.Quantity, 9);
        Assert.Equal(300, TradeWith(settings with { Leverage = 3 })!.Value.Quantity, 9);
    }
}
