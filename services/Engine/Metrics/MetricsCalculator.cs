using Platform.Engine.Backtesting;
using Platform.Engine.Data;

namespace Platform.Engine.Metrics;

/// <summary>Computes every metric once, after the bar loop, from the equity curve and the trades.</summary>
internal static class MetricsCalculator
{
    /// <summary>Upper bound, in percent, for CAGR: annualizing a few bars of gains would otherwise overflow to infinity.</summary>
    public const double Cap = 1e12;

    private const double YearMs = 365.0 * Interval.DayMs;

    public static BacktestMetrics Compute(
        CandleSeries candles, BacktestSettings settings, ReadOnlySpan<double> equity, IReadOnlyList<Trade> trades)
    {
        var initial = settings.InitialCapital;
        var periodsPerYear = candles.Interval.PeriodsPerYear;
        var e = EquityStatistics.Compute(equity, initial, settings.RiskFreeRate / periodsPerYear);
        var t = TradeStatistics.Compute(trades);
        var final = equity[^1];
        var count = trades.Count;
        var annualizer = Math.Sqrt(periodsPerYear);
        var cagr = Cagr(final / initial, (candles.Interval.Next(candles.OpenTime[^1]) - candles.OpenTime[0]) / YearMs);
        var buyHold = candles.Close[^1] / candles.Open[0] - 1;
        return new BacktestMetrics
        {
            FinalCapital = final,
            TotalReturn = final / initial - 1,
            TotalTrades = count,
            WinningTrades = t.Wins,
            LosingTrades = t.Losses,
            WinRate = Ratio(t.Wins, count),
            SharpeRatio = Ratio(e.MeanExcessReturn, e.ReturnStdDev) * annualizer,
            SortinoRatio = Ratio(e.MeanExcessReturn, e.DownsideDeviation) * annualizer,
            MaxDrawdown = e.MaxDrawdownAbs / initial,
            ProfitFactor = t.GrossLoss < 0 ? t.GrossProfit / -t.GrossLoss : t.GrossProfit > 0 ? null : 0,
            TotalReturnPct = (final / initial - 1) * 100,
            CagrPct = cagr * 100,
            AnnualizedVolatilityPct = e.ReturnStdDev * annualizer * 100,
            CalmarRatio = Ratio(cagr, e.MaxDrawdownFraction),
            MaxDrawdownDurationBars = e.MaxDrawdownBars,
            Expectancy = Ratio(t.NetProfit, count),
            ExposurePct = Ratio(t.Bars, equity.Length) * 100,
            MaxConsecutiveWins = t.MaxConsecutiveWins,
            MaxConsecutiveLosses = t.MaxConsecutiveLosses,
            Metrics = new DetailMetrics(
                NetProfit: final - initial,
                NetProfitPct: (final / initial - 1) * 100,
                GrossProfit: t.GrossProfit,
                GrossLoss: t.GrossLoss,
                TotalCommission: t.Commission,
                MaxDrawdownAbs: e.MaxDrawdownAbs,
                MaxDrawdownPct: e.MaxDrawdownFraction * 100,
                MaxRunupAbs: e.MaxRunupAbs,
                MaxRunupPct: e.MaxRunupFraction * 100,
                BuyHoldReturn: initial * buyHold,
                BuyHoldReturnPct: buyHold * 100,
                AvgPnl: Ratio(t.NetProfit, count),
                AvgWin: Ratio(t.GrossProfit, t.Wins),
                AvgLoss: Ratio(t.GrossLoss, t.Losses),
                MaxWin: t.MaxWin,
                MaxLoss: t.MaxLoss,
                AvgBars: Ratio(t.Bars, count),
                AvgBarsWin: Ratio(t.WinBars, t.Wins),
                AvgBarsLoss: Ratio(t.LossBars, t.Losses)),
        };
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;

    /// <summary>Growth as a fraction per 365-day year; −100 % once equity is gone.</summary>
    private static double Cagr(double growth, double years)
    {
        if (growth <= 0)
        {
            return -1;
        }

        var cagr = Math.Exp(Math.Log(growth) / years) - 1;
        return double.IsFinite(cagr) ? Math.Min(cagr, Cap / 100) : Cap / 100;
    }
}
