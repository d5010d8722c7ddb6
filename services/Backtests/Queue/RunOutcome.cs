using System.Text.Json.Nodes;
using Platform.Engine.Backtesting;

namespace Platform.Backtests.Queue;

/// <summary>What a finished run writes: the metric columns, the result document, its trades and its equity curve.</summary>
internal sealed record RunOutcome(
    RunMetrics Metrics,
    string ResultsJson,
    IReadOnlyList<TradeRow> Trades,
    long[] EquityTimes,
    double[] Equity);

/// <summary>The metric columns of <c>backtests</c>; fractions as in docs/api-behaviour.md, 1.6.</summary>
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

/// <summary>
/// A <c>trades</c> row (its <c>side</c> column spelled by <see cref="TradeSides.Column"/>). Run-up and
/// drawdown are the largest unrealized gain and loss while open (positive USDT), their percentages of the entry value.
/// </summary>
internal sealed record TradeRow(
    DateTime EntryTime,
    DateTime? ExitTime,
    TradeSide Side,
    double EntryPrice,
    double? ExitPrice,
    double Quantity,
    double? Pnl,
    double? PnlPct,
    double? Commission,
    int? BarsHeld,
    string? ExitReason,
    double? RunUp,
    double? RunUpPct,
    double? Drawdown,
    double? DrawdownPct)
{
    /// <summary>The trade as the result document spells it (times ISO-8601, side long or short; docs/api-behaviour.md, 1.6).</summary>
    public JsonObject ToJson() => new()
    {
        ["entry_time"] = Iso(EntryTime),
        ["exit_time"] = ExitTime is { } exit ? Iso(exit) : null,
        ["side"] = TradeSides.Name(Side),
        ["entry_price"] = EntryPrice,
        ["exit_price"] = ExitPrice,
        ["quantity"] = Quantity,
        ["pnl"] = Pnl,
        ["pnl_pct"] = PnlPct,
        ["commission"] = Commission,
        ["run_up"] = RunUp,
        ["run_up_pct"] = RunUpPct,
        ["drawdown"] = Drawdown,
        ["drawdown_pct"] = DrawdownPct,
        ["bars_held"] = BarsHeld,
        ["exit_reason"] = ExitReason,
    };

    private static string Iso(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("O");
}
