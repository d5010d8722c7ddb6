namespace Platform.Engine.Backtesting;

/// <summary>
/// One round trip. Times are the UTC-ms open times of the entry and exit bars; entries fill at the
/// entry bar's open. <see cref="Pnl"/> is net of <see cref="Commission"/> (both sides) and <see cref="Funding"/>;
/// <see cref="PnlPct"/> is relative to the margin committed; <see cref="BarsHeld"/> counts the
/// bars whose price moves the position was exposed to. With pyramiding, <see cref="Entries"/> entries form one trade:
/// <see cref="EntryPrice"/> is their quantity-weighted average, <see cref="Quantity"/> their total and the entry
/// times those of the first. <see cref="Funding"/> is the perpetual funding paid (negative when received).
/// <see cref="RunUp"/> and <see cref="Drawdown"/> are the largest unrealized gain and loss while open (never negative),
/// their percentages relative to the entry value (<see cref="EntryPrice"/> × <see cref="Quantity"/>).
/// A struct so a list of tens of thousands of trades is one array, not as many heap objects for the collector to trace.
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
    ExitReason ExitReason,
    int Entries,
    double Funding,
    double RunUp,
    double RunUpPct,
    double Drawdown,
    double DrawdownPct);
