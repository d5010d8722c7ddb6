namespace Platform.Engine.Backtesting;

/// <summary>
/// One round trip. Times are the UTC-ms open times of the entry and exit bars; entries fill at the
/// entry bar's open. <see cref="Pnl"/> is net of <see cref="Commission"/> (both sides);
/// <see cref="PnlPct"/> is relative to the margin committed; <see cref="BarsHeld"/> counts the
/// bars whose price moves the position was exposed to. A struct so a list of tens of thousands of
/// trades is one array, not as many heap objects for the collector to trace.
/// </summary>
public readonly record struct Trade(
    int EntryBarIndex,
    int ExitBarIndex,
    long EntryTime,
    long ExitTime,
    TradeSide Side,
    double EntryPrice,
    double ExitPrice,
    double Quantity,
    double GrossPnl,
    double Pnl,
    double PnlPct,
    double Commission,
    int BarsHeld,
    ExitReason ExitReason);
