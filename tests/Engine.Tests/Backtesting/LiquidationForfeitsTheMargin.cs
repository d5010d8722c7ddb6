using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class LiquidationForfeitsTheMargin
{
    private static readonly BacktestSettings TenX = Run.Frictionless with { Leverage = 10 };

    private static BacktestResult LongThrough(double low, BacktestSettings settings) =>
        Run.Scripted(Bars.Of((100, 100, 100, 100), (100, 100, low, 99), (99, 99, 99, 99)), settings, (0, Scripted.Long));

    [Fact]
    public void LongIsLiquidatedWhereMarginPlusLossMeetsMaintenance()
    {
        var result = LongThrough(90, TenX);

        // Notional 100 000 (10× the 10 000 margin), 1 000 units. Liquidation price P solves
        // 10 000 + 1 000 × (P − 100) = 0.005 × 1 000 × P, so P = 90 / 0.995.
        var trade = Assert.Single(result.Trades);
        Assert.Equal(ExitReason.Liquidation, trade.ExitReason);
        Assert.Equal(90 / 0.995, trade.ExitPrice, 10);
        Assert.Equal(1_000, trade.Quantity, 10);
        Assert.Equal(-10_000, trade.Pnl, 9);
        Assert.Equal(-100, trade.PnlPct, 9);
        Assert.Equal(1, trade.BarsHeld);
        Assert.Equal(1_000 * (90 / 0.995 - 100), trade.GrossPnl, 9);
        Assert.Equal(0, result.Metrics.FinalCapital, 9);
        Assert.Equal(-1, result.Metrics.TotalReturn, 12);
        Assert.Equal(-100, result.Metrics.CagrPct);
    }

    [Fact]
    public void AFractionOfEquityRisksOnlyThatFraction()
    {
        var result = LongThrough(90, TenX with { Sizing = PositionSizing.FractionOfEquity(0.25) });
        Assert.Equal(7_500, result.Metrics.FinalCapital, 9);
    }

    [Fact]
    public void FeesComeOutOfTheForfeitedMargin()
    {
        var result = LongThrough(90, TenX with { CommissionBps = 10 });
        var notional = 10_000 / (0.1 + 0.001);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(-(notional / 10 + notional * 0.001), trade.Pnl, 9);
        Assert.Equal(0, result.Metrics.FinalCapital, 9);
    }

    [Fact]
    public void ARangeShortOfTheLiquidationPriceSurvives() =>
        Assert.Equal(ExitReason.EndOfData, LongThrough(90.46, TenX).Trades[0].ExitReason);

    [Fact]
    public void AStopBeforeTheLiquidationPriceFillsFirst()
    {
        Assert.Equal(ExitReason.StopLoss, LongThrough(90, TenX with { StopLoss = PriceDistance.Percent(5) }).Trades[0].ExitReason);
        Assert.Equal(ExitReason.Liquidation, LongThrough(80, TenX with { StopLoss = PriceDistance.Percent(15) }).Trades[0].ExitReason);
    }

    [Fact]
    public void PessimisticFillPrefersLiquidationOverATargetInTheSameBar()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 120, 85, 99));
        var pessimistic = Run.Scripted(candles, TenX with { TakeProfit = PriceDistance.Percent(10) }, (0, Scripted.Long));
        var optimistic = Run.Scripted(candles, TenX with { TakeProfit = PriceDistance.Percent(10), FillPolicy = FillPolicy.Optimistic }, (0, Scripted.Long));

        Assert.Equal(ExitReason.Liquidation, pessimistic.Trades[0].ExitReason);
        Assert.Equal(ExitReason.TakeProfit, optimistic.Trades[0].ExitReason);
    }

    [Fact]
    public void AGapPastTheLiquidationPriceStillLosesOnlyTheMargin()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 100, 100, 100), (50, 50, 50, 50));
        var result = Run.Scripted(candles, TenX with { Sizing = PositionSizing.FractionOfEquity(0.5) }, (0, Scripted.Long));

        Assert.Equal(ExitReason.Liquidation, result.Trades[0].ExitReason);
        Assert.Equal(5_000, result.Metrics.FinalCapital, 9);
    }

    [Fact]
    public void ShortIsLiquidatedAbove()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 120, 100, 101));
        var trade = Run.Scripted(candles, Run.Frictionless with { Leverage = 5, Direction = TradeDirection.Short }, (0, Scripted.Short)).Trades[0];

        Assert.Equal(ExitReason.Liquidation, trade.ExitReason);
        Assert.Equal(120 / 1.005, trade.ExitPrice, 10);
        Assert.Equal(-10_000, trade.Pnl, 9);
    }

    [Fact]
    public void AnUnleveragedShortIsLiquidatedOnlyWhenPriceNearlyDoubles()
    {
        var candles = Bars.Of((100, 100, 100, 100), (100, 199, 100, 150), (150, 201, 150, 200));
        var result = Run.Scripted(candles, Run.Frictionless with { Direction = TradeDirection.Short }, (0, Scripted.Short));

        Assert.Equal((ExitReason.Liquidation, 2), (result.Trades[0].ExitReason, result.Trades[0].ExitBarIndex));
        Assert.Equal(200 / 1.005, result.Trades[0].ExitPrice, 10);
        Assert.Equal(0, result.Metrics.FinalCapital, 9);
        Assert.Equal(5_000, result.Equity.Span[1], 9);
    }
}
