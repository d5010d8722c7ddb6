using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Metrics;
using Platform.Engine.Strategies;

namespace Platform.Engine.Backtesting;

/// <summary>
/// A finished backtest. <see cref="Time"/>, <see cref="Equity"/> and <see cref="DrawdownPct"/> hold
/// one value per bar (bar open time; equity marked at the bar's close; drawdown from the running
/// peak in percent). <see cref="Fingerprint"/> is equal for two runs exactly when their candles,
/// strategy, parameters, settings and filters are.
/// </summary>
public sealed record BacktestResult(
    StrategySpec Strategy,
    BacktestSettings Settings,
    IReadOnlyList<TrendFilter> Filters,
    IReadOnlyList<Trade> Trades,
    ReadOnlyMemory<long> Time,
    ReadOnlyMemory<double> Equity,
    ReadOnlyMemory<double> DrawdownPct,
    BacktestMetrics Metrics,
    string Fingerprint,
    IReadOnlyList<CandleGap> Gaps)
{
    public FillPolicy FillPolicy => Settings.FillPolicy;
}
