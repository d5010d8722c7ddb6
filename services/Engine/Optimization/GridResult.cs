using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Metrics;
using Platform.Engine.Strategies;

namespace Platform.Engine.Optimization;

/// <summary>
/// One evaluated combination: the same metrics and fingerprint a full backtest of it would give, and its returns per
/// period when <see cref="GridOptions.ReturnPeriods"/> asked for them.
/// </summary>
public sealed class GridResult
{
    private readonly CandleSeries candles;
    private readonly BacktestSettings settings;
    private readonly IReadOnlyList<TrendFilter> filters;
    private string? fingerprint;

    internal GridResult(StrategySpec strategy, BacktestMetrics metrics, CandleSeries candles, BacktestSettings settings, IReadOnlyList<TrendFilter> filters)
    {
        Strategy = strategy;
        Metrics = metrics;
        this.candles = candles;
        this.settings = settings;
        this.filters = filters;
    }

    public StrategySpec Strategy { get; }

    public BacktestMetrics Metrics { get; }

    /// <summary>Computed when first read: most grids rank their results by metrics and never ask.</summary>
    public string Fingerprint => fingerprint ??= Backtesting.Fingerprint.Compute(candles, Strategy, settings, filters);

    public double[]? PeriodReturns { get; init; }

    /// <summary>
    /// The returns of <paramref name="equity"/> over <paramref name="periods"/> consecutive periods: period p runs from the
    /// close of bar ⌊p·n / periods⌋ − 1 (the starting capital for p = 0) to the close of bar ⌊(p + 1)·n / periods⌋ − 1.
    /// </summary>
    public static double[] ReturnsOver(ReadOnlySpan<double> equity, double initialCapital, int periods)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(periods, equity.Length);
        var returns = new double[periods];
        var before = initialCapital;
        for (var period = 0; period < periods; period++)
        {
            var after = equity[(int)((long)(period + 1) * equity.Length / periods) - 1];
            returns[period] = before == 0 ? 0 : after / before - 1;
            before = after;
        }
        return returns;
    }
}
