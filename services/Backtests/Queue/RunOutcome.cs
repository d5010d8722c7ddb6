namespace Platform.Backtests.Queue;

/// <summary>What a finished run writes: the metric columns, the result document, its trades and its equity curve.</summary>
internal sealed record RunOutcome(
    RunMetrics Metrics,
    string ResultsJson,
    IReadOnlyList<TradeRow> Trades,
    long[] EquityTimes,
    double[] Equity);

/// <summary>The metric columns of <c>backtests</c>; fractions as in api-contract §2.3.</summary>
internal sealed record RunMetrics(
    double FinalCapital,
    double TotalReturn,
    int TotalTrades,
    int WinningTrades,
    int LosingTrades,
    double WinRate,
    double SharpeRatio,
    double? SortinoRatio,
    double MaxDrawdown,
    double? ProfitFactor);

/// <summary>A <c>trades</c> row; <see cref="Side"/> is <c>LONG</c> or <c>SHORT</c> as the original workers wrote it.</summary>
internal sealed record TradeRow(
    DateTime EntryTime,
    DateTime? ExitTime,
    string Side,
    double EntryPrice,
    double? ExitPrice,
    double Quantity,
    double? Pnl,
    double? PnlPct,
    double? Commission,
    int? BarsHeld,
    string? ExitReason);
