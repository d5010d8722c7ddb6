using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Metrics;

public sealed class MetricsMatchHandWorkedValues
{
    // Three trades of 100 units without costs: +2 000 (100 → 120), −3 000 (120 → 90), +1 000 (90 → 100, end of data).
    // Equity per bar: 10 000, 10 000, 12 000, 12 000, 9 000, 9 000, 10 000.
    // A property, not a cached field: each test recomputes it, so mutation testing sees every change.
    private static BacktestResult Result => Run.Scripted(
        Bars.Flat(100, 100, 120, 120, 90, 90, 100),
        Run.Frictionless,
        (0, Scripted.Long),
        (1, Scripted.ExitLong),
        (2, Scripted.Long),
        (3, Scripted.ExitLong),
        (4, Scripted.Long));

    private static readonly double[] Returns = [0, 0, 0.2, 0, -0.25, 0, 1 / 9.0];

    [Fact]
    public void TradeCountsAndRatios()
    {
        var m = Result.Metrics;
        Assert.Equal([10_000, 10_000, 12_000, 12_000, 9_000, 9_000, 10_000], Result.Equity.ToArray(), new Tolerance(1e-12));
        Assert.Equal((3, 2, 1), (m.TotalTrades, m.WinningTrades, m.LosingTrades));
        Assert.Equal(2 / 3.0, m.WinRate, 12);
        Assert.Equal(1, m.ProfitFactor!.Value, 12);
        Assert.Equal(0, m.Expectancy, 9);
        Assert.Equal((1, 1), (m.MaxConsecutiveWins, m.MaxConsecutiveLosses));
        Assert.Equal(4 / 7.0 * 100, m.ExposurePct, 12);
    }

    [Fact]
    public void OriginalDetailMetrics()
    {
        var d = Result.Metrics.Metrics;
        Assert.Equal(0, d.NetProfit, 9);
        Assert.Equal(0, d.NetProfitPct, 9);
        Assert.Equal(0, Result.Metrics.TotalReturnPct, 9);
        Assert.Equal(3_000, d.GrossProfit, 9);
        Assert.Equal(-3_000, d.GrossLoss, 9);
        Assert.Equal(0, d.TotalCommission);
        Assert.Equal(0, d.AvgPnl, 9);
        Assert.Equal(1_500, d.AvgWin, 9);
        Assert.Equal(-3_000, d.AvgLoss, 9);
        Assert.Equal(2_000, d.MaxWin, 9);
        Assert.Equal(-3_000, d.MaxLoss, 9);
        Assert.Equal(4 / 3.0, d.AvgBars, 12);
        Assert.Equal(1.5, d.AvgBarsWin, 12);
        Assert.Equal(1, d.AvgBarsLoss, 12);
        Assert.Equal(0, d.BuyHoldReturn, 9);
        Assert.Equal(0, d.BuyHoldReturnPct, 9);
    }

    [Fact]
    public void DrawdownAndRunup()
    {
        var m = Result.Metrics;
        Assert.Equal(3_000, m.Metrics.MaxDrawdownAbs, 9);
        Assert.Equal(25, m.Metrics.MaxDrawdownPct, 9);
        Assert.Equal(0.3, m.MaxDrawdown, 12);
        Assert.Equal(3, m.MaxDrawdownDurationBars);
        Assert.Equal(2_000, m.Metrics.MaxRunupAbs, 9);
        Assert.Equal(20, m.Metrics.MaxRunupPct, 9);
        Assert.Equal([0, 0, 0, 0, 25, 25, 100 / 6.0], Result.DrawdownPct(), new Tolerance(1e-12));
    }

    [Fact]
    public void RiskAdjustedReturnsAnnualizeFromTheInterval()
    {
        var mean = Returns.Average();
        var std = Math.Sqrt(Returns.Sum(r => (r - mean) * (r - mean)) / (Returns.Length - 1));
        var downside = Math.Sqrt(Returns.Sum(r => r < 0 ? r * r : 0) / Returns.Length);
        var perYear = Math.Sqrt(525_600);

        Assert.Equal(mean / std * perYear, Result.Metrics.SharpeRatio, 9);
        Assert.Equal(mean / downside * perYear, Result.Metrics.SortinoRatio, 9);
        Assert.Equal(std * perYear * 100, Result.Metrics.AnnualizedVolatilityPct, 9);
        Assert.Equal(0, Result.Metrics.CagrPct, 9);
        Assert.Equal(0, Result.Metrics.CalmarRatio, 9);
    }

    [Fact]
    public void RiskFreeRateIsSubtractedPerBar()
    {
        var candles = Bars.Of(Interval.Parse("D"), (100, 100, 100, 100), (100, 110, 100, 110), (110, 110, 100, 105), (105, 120, 105, 120));
        var withRate = Run.Scripted(candles, Run.Frictionless with { RiskFreeRate = 0.0365 }, (0, Scripted.Long));
        var returns = new[] { 0, 0.1, 105 / 110.0 - 1, 120 / 105.0 - 1 }.Select(r => r - 0.0001).ToArray();
        var mean = returns.Average();
        var std = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / 3);

        Assert.Equal(mean / std * Math.Sqrt(365), withRate.Metrics.SharpeRatio, 9);
    }

    [Fact]
    public void PercentagesAreHundredTimesTheirFractions()
    {
        // −1 000 (100 → 90), then +3 000 (90 → 120); equity 10 000, 10 000, 9 000, 9 000, 12 000.
        var m = Run.Scripted(Bars.Flat(100, 100, 90, 90, 120), Run.Frictionless, (0, Scripted.Long), (1, Scripted.ExitLong), (2, Scripted.Long)).Metrics;

        Assert.Equal(12_000, m.FinalCapital, 9);
        Assert.Equal((0.2, 20.0, 20.0), (m.TotalReturn, m.TotalReturnPct, m.Metrics.NetProfitPct), new TupleTolerance());
        Assert.Equal((0.1, 10.0, 1_000.0), (m.MaxDrawdown, m.Metrics.MaxDrawdownPct, m.Metrics.MaxDrawdownAbs), new TupleTolerance());
        Assert.Equal((3_000.0, 100 / 3.0), (m.Metrics.MaxRunupAbs, m.Metrics.MaxRunupPct), new TupleTolerance());
        Assert.Equal(2, m.MaxDrawdownDurationBars);
        Assert.Equal((2_000.0, 20.0), (m.Metrics.BuyHoldReturn, m.Metrics.BuyHoldReturnPct), new TupleTolerance());
        Assert.Equal((1, 1), (m.WinningTrades, m.LosingTrades));
        Assert.Equal((1.0, 2.0), (m.Metrics.AvgBarsLoss, m.Metrics.AvgBarsWin));
        Assert.Equal((3_000.0, -1_000.0, 3.0), (m.Metrics.GrossProfit, m.Metrics.GrossLoss, m.ProfitFactor!.Value), new TupleTolerance());
        Assert.Equal((1_000.0, 1_000.0), (m.Expectancy, m.Metrics.AvgPnl), new TupleTolerance());
    }

    [Fact]
    public void CagrCompoundsOverTheSpannedTime()
    {
        var rows = Enumerable.Repeat((100.0, 100.0, 100.0, 100.0), 364).Append((100, 200, 100, 200)).ToArray();
        var result = Run.Scripted(Bars.Of(Interval.Parse("D"), rows), Run.Frictionless, (0, Scripted.Long));

        Assert.Equal(100, result.Metrics.CagrPct, 9);
        Assert.Equal(100, result.Metrics.Metrics.BuyHoldReturnPct, 9);
        Assert.Equal(10_000, result.Metrics.Metrics.BuyHoldReturn, 9);
    }

    [Fact]
    public void CagrOfAFewMinutesIsCappedInsteadOfInfinite()
    {
        var result = Run.Scripted(Bars.Flat(100, 100, 200), Run.Frictionless, (0, Scripted.Long));
        Assert.Equal(1e12, result.Metrics.CagrPct);
        Assert.True(double.IsFinite(result.Metrics.CalmarRatio));
    }

    [Fact]
    public void CalmarDividesCagrByTheDrawdownFraction()
    {
        var rows = Enumerable.Repeat((100.0, 100.0, 100.0, 100.0), 363).Append((100, 100, 50, 50)).Append((50, 200, 50, 200)).ToArray();
        var result = Run.Scripted(Bars.Of(Interval.Parse("D"), rows), Run.Frictionless, (0, Scripted.Long));

        Assert.Equal(50, result.Metrics.Metrics.MaxDrawdownPct, 9);
        Assert.Equal(2, result.Metrics.CalmarRatio, 9);
    }

    [Fact]
    public void ABreakEvenTradeIsNeitherAWinNorALoss()
    {
        var m = Run.Scripted(Bars.Flat(100, 100, 100), Run.Frictionless, (0, Scripted.Long)).Metrics;
        Assert.Equal((1, 0, 0), (m.TotalTrades, m.WinningTrades, m.LosingTrades));
        Assert.Equal((0, 0), (m.MaxConsecutiveWins, m.MaxConsecutiveLosses));
        Assert.Equal((0.0, 0.0, 2.0), (m.Metrics.AvgBarsWin, m.Metrics.AvgBarsLoss, m.Metrics.AvgBars));
    }

    [Fact]
    public void ASingleBarGivesZeroRatherThanUndefinedStatistics()
    {
        var m = Run.Scripted(Bars.Flat(100), Run.Frictionless).Metrics;
        Assert.Equal((0.0, 0.0, 0.0), (m.SharpeRatio, m.SortinoRatio, m.AnnualizedVolatilityPct));
        Assert.Equal(0, m.MaxDrawdownDurationBars);
    }

    [Fact]
    public void NoTradesMeansZeroesAndTheInitialCapital()
    {
        var m = Run.Scripted(Bars.Flat(100, 101, 99), Run.Frictionless).Metrics;
        Assert.Equal((10_000.0, 0.0, 0, 0.0, 0.0), (m.FinalCapital, m.TotalReturn, m.TotalTrades, m.WinRate, m.SharpeRatio));
        Assert.Equal(0, m.ProfitFactor);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (m.Metrics.AvgWin, m.Metrics.AvgLoss, m.Metrics.AvgBars, m.ExposurePct));
        Assert.Equal(-1, m.Metrics.BuyHoldReturnPct, 9);
    }

    [Fact]
    public void ProfitFactorIsNullWithoutLosses()
    {
        var m = Run.Scripted(Bars.Flat(100, 100, 110), Run.Frictionless, (0, Scripted.Long)).Metrics;
        Assert.Null(m.ProfitFactor);
        Assert.Equal(1, m.WinRate);
        Assert.Equal(1_000, m.Metrics.MaxWin, 9);
        Assert.Equal(0, m.Metrics.MaxLoss);
    }

    [Fact]
    public void StreaksCountConsecutiveWinsAndLosses()
    {
        // Trades 100 → 101 (win), 102 → 103 (win), 102 → 101 (loss).
        var candles = Bars.Flat(100, 100, 101, 102, 103, 102, 101, 100);
        var result = Run.Scripted(candles, Run.Frictionless, [.. Enumerable.Range(0, 6).Select(i => (i, i % 2 == 0 ? Scripted.Long : Scripted.ExitLong))]);

        Assert.Equal(3, result.Trades.Count);
        Assert.Equal((2, 1), (result.Metrics.MaxConsecutiveWins, result.Metrics.MaxConsecutiveLosses));
    }
}
