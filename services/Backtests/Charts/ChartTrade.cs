namespace Platform.Backtests.Charts;

/// <summary>
/// A stored trade as the trades chart marks it, with <see cref="Total"/>, the number of the run's trades in the chart's
/// window (the rows are read up to <see cref="TradesChartData.MaxTrades"/>).
/// </summary>
internal sealed record ChartTrade(
    DateTime EntryTime,
    DateTime? ExitTime,
    string Side,
    double EntryPrice,
    double? ExitPrice,
    double? Pnl,
    string? ExitReason,
    long Total)
{
    public bool IsLong => Side == "LONG";

    public string SideName => IsLong ? "long" : "short";
}
