using Platform.Backtests.Queue;
using Platform.Engine.Backtesting;

namespace Platform.Backtests.Charts;

/// <summary>
/// A stored trade as the trades chart marks it, with <see cref="Total"/>, the number of the run's trades in the chart's
/// window (the rows are read up to <see cref="TradesChartData.MaxTrades"/>).
/// </summary>
internal sealed record ChartTrade(
    DateTime EntryTime,
    DateTime? ExitTime,
    TradeSide Side,
    double EntryPrice,
    double? ExitPrice,
    double? Pnl,
    string? ExitReason,
    long Total);

/// <summary>A <see cref="ChartTrade"/> as read, its <c>side</c> as stored until <see cref="ToTrade"/>.</summary>
internal sealed record StoredChartTrade(
    DateTime EntryTime,
    DateTime? ExitTime,
    string Side,
    double EntryPrice,
    double? ExitPrice,
    double? Pnl,
    string? ExitReason,
    long Total)
{
    public ChartTrade ToTrade() => new(EntryTime, ExitTime, TradeSides.FromColumn(Side), EntryPrice, ExitPrice, Pnl, ExitReason, Total);
}
