using Platform.Backtests.Reports;
using Platform.Engine.Charts;

namespace Platform.Backtests.Charts;

/// <summary>
/// The equity curve and its drawdown in percent, (equity − running max) / running max × 100 (docs/api-behaviour.md, 2.12),
/// worked out on every point and then each thinned to at most <see cref="MaxPoints"/> points keeping its extremes, so
/// a million-bar run charts quickly without losing its deepest drawdown or its peak.
/// </summary>
internal sealed record EquityChartData(DownsampledSeries Equity, DownsampledSeries Drawdown)
{
    public const int MaxPoints = 2_000;

    public static EquityChartData From(EquitySeries series)
    {
        var equity = series.Equity;
        var drawdown = new double[equity.Length];
        var peak = double.NegativeInfinity;
        for (var i = 0; i < equity.Length; i++)
        {
            // A non-finite point (possible in a stored curve) neither sets the peak nor has a drawdown; a curve that
            // has not left 0 has no drawdown to speak of (the original divided by zero).
            peak = double.IsFinite(equity[i]) ? Math.Max(peak, equity[i]) : peak;
            drawdown[i] = !double.IsFinite(equity[i]) ? double.NaN : peak == 0 ? 0 : (equity[i] - peak) / peak * 100;
        }

        return new EquityChartData(
            Downsampler.MinMax(series.Time, equity, MaxPoints),
            Downsampler.MinMax(series.Time, drawdown, MaxPoints));
    }
}
