using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Metrics;
using Platform.Engine.Strategies;

namespace Platform.Engine.Backtesting;

/// <summary>
/// A finished backtest. <see cref="Time"/> and <see cref="Equity"/> hold one value per bar (bar open time; equity
/// marked at the bar's close). <see cref="Fingerprint"/> is equal for two runs exactly when their candles,
/// strategy, parameters, settings and filters are.
/// </summary>
public sealed record BacktestResult(
    StrategySpec Strategy,
    BacktestSettings Settings,
    IReadOnlyList<TrendFilter> Filters,
    IReadOnlyList<Trade> Trades,
    ReadOnlyMemory<long> Time,
    ReadOnlyMemory<double> Equity,
    BacktestMetrics Metrics,
    string Fingerprint,
    IReadOnlyList<CandleGap> Gaps)
{
    public FillPolicy FillPolicy => Settings.FillPolicy;

    /// <summary>
    /// Each bar's drawdown from the running peak, in percent, computed from <see cref="Equity"/> when asked: the run itself
    /// needs only its maximum, which is in <see cref="Metrics"/>.
    /// </summary>
    public double[] DrawdownPct() => EquityStatistics.DrawdownPct(Equity.Span, Settings.InitialCapital);
}
