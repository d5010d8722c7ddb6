namespace Platform.Engine.Metrics;

/// <summary>
/// The original result's <c>metrics</c> sub-object (docs/api-behaviour.md, 1.6). Money in quote currency,
/// *Pct in percent. Losses are negative: gross_loss, avg_loss and max_loss are ≤ 0.
/// max_drawdown_pct and max_runup_pct are relative to the running peak and trough.
/// buy_hold_return is the profit of holding the initial capital from the first open to the last close.
/// </summary>
public sealed record DetailMetrics(
    double NetProfit,
    double NetProfitPct,
    double GrossProfit,
    double GrossLoss,
    double TotalCommission,
    double MaxDrawdownAbs,
    double MaxDrawdownPct,
    double MaxRunupAbs,
    double MaxRunupPct,
    double BuyHoldReturn,
    double BuyHoldReturnPct,
    double AvgPnl,
    double AvgWin,
    double AvgLoss,
    double MaxWin,
    double MaxLoss,
    double AvgBars,
    double AvgBarsWin,
    double AvgBarsLoss);
