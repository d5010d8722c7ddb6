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
        var running = new RunningDrawdown();
        for (var i = 0; i < equity.Length; i++)
        {
            drawdown[i] = running.Next(equity[i]);
        }

        return new EquityChartData(
            Downsampler.MinMax(series.Time, equity, MaxPoints),
            Downsampler.MinMax(series.Time, drawdown, MaxPoints));
    }
}
