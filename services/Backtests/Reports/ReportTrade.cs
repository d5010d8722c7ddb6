using Platform.Engine.Backtesting;

namespace Platform.Backtests.Reports;

/// <summary>
/// One trade of a result document, under either spelling of its fields (docs/api-behaviour.md, 1.6 and 2.11:
/// <c>quantity</c>/<c>qty</c>, <c>run_up</c>/<c>max_profit</c>, <c>drawdown</c>/<c>max_loss</c>). Numbers the document
/// leaves out are 0, as in the original generator; <see cref="ExitPrice"/> and <see cref="Pnl"/> stay null when absent,
/// because "open" and "no PnL" matter to the reports and the histogram.
/// </summary>
internal sealed record ReportTrade(
    DateTime? EntryTime,
    DateTime? ExitTime,
    TradeSide Side,
    double EntryPrice,
    double? ExitPrice,
    double Quantity,
    double? Pnl,
    double PnlPct,
    double Commission,
    double RunUp,
    double Drawdown,
    double BarsHeld,
    string? ExitReason,
    string? EntrySignal,
    string? ExitSignal)
{
    /// <summary>Closed once it has a non-zero exit price: the original kept the trades whose <c>exit_price</c> was truthy.</summary>
    public bool IsClosed => ExitPrice is { } price && price != 0;

    public double NetPnl => Pnl ?? 0;

    public double PositionValue => EntryPrice * Quantity;
}
