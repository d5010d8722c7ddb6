using Platform.Engine.Metrics;
using Platform.Engine.Strategies;

namespace Platform.Engine.Optimization;

/// <summary>One evaluated combination: the same metrics and fingerprint a full backtest of it would give.</summary>
public sealed record GridResult(StrategySpec Strategy, BacktestMetrics Metrics, string Fingerprint);
