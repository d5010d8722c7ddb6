using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Backtesting;

namespace Platform.Backtests.Queue;

/// <summary>
/// Body of <c>POST /{id}/results</c> (docs/api-behaviour.md, 2.9): the eight metric columns (required), optional
/// <c>sortino_ratio</c> and <c>profit_factor</c>, and the result document, whose <c>trades</c> and equity curve
/// (<c>equity_curve</c> or <c>equity</c>) go to their own tables.
/// </summary>
internal sealed record ResultsRequest(
    double? FinalCapital,
    double? TotalReturn,
    int? TotalTrades,
    int? WinningTrades,
    int? LosingTrades,
    double? WinRate,
    double? SharpeRatio,
    double? MaxDrawdown,
    double? SortinoRatio,
    double? ProfitFactor,
    JsonObject? Results,
    string? WorkerId)
{
    private const double Tolerance = 1e-4;

    /// <summary>Missing metrics and metrics that contradict each other, by field.</summary>
    public Dictionary<string, string[]> Validate(double initialCapital)
    {
        var errors = new Dictionary<string, string[]>();
        Require(errors, "final_capital", FinalCapital);
        Require(errors, "total_return", TotalReturn);
        Require(errors, "total_trades", TotalTrades);
        Require(errors, "winning_trades", WinningTrades);
        Require(errors, "losing_trades", LosingTrades);
        Require(errors, "win_rate", WinRate);
        Require(errors, "sharpe_ratio", SharpeRatio);
        Require(errors, "max_drawdown", MaxDrawdown);
        if (errors.Count > 0)
        {
            return errors;
        }
        if (FinalCapital is not >= 0 || !double.IsFinite(FinalCapital.Value))
        {
            errors["final_capital"] = ["final_capital must be a finite amount, 0 or more."];
        }
        else if (Math.Abs(FinalCapital.Value / initialCapital - 1 - TotalReturn!.Value) > Tolerance)
        {
            errors["total_return"] = [$"total_return {TotalReturn} does not match final_capital / initial_capital - 1 = {FinalCapital.Value / initialCapital - 1:0.######}."];
        }
        if (TotalTrades < 0 || WinningTrades < 0 || LosingTrades < 0 || WinningTrades + LosingTrades > TotalTrades)
        {
            errors["total_trades"] = ["trade counts must be 0 or more, with winning_trades + losing_trades at most total_trades."];
        }
        if (WinRate is not (>= 0 and <= 1))
        {
            errors["win_rate"] = ["win_rate is a fraction between 0 and 1."];
        }
        else if (TotalTrades > 0 && Math.Abs(WinRate.Value - (double)WinningTrades!.Value / TotalTrades.Value) > Tolerance)
        {
            errors["win_rate"] = [$"win_rate {WinRate} does not match winning_trades / total_trades = {(double)WinningTrades.Value / TotalTrades.Value:0.######}."];
        }
        if (MaxDrawdown is not (>= 0 and <= 1))
        {
            errors["max_drawdown"] = ["max_drawdown is a fraction of initial capital between 0 and 1."];
        }
        if (!double.IsFinite(SharpeRatio!.Value) || SortinoRatio is { } sortino && !double.IsFinite(sortino))
        {
            errors["sharpe_ratio"] = ["ratios must be finite numbers."];
        }
        if (ProfitFactor is < 0)
        {
            errors["profit_factor"] = ["profit_factor must be 0 or more (null when there are no losses)."];
        }
        return errors;
    }

    /// <summary>The rows to write, or null with the errors of unreadable trades or equity points.</summary>
    public RunOutcome? ToOutcome(Dictionary<string, string[]> errors)
    {
        var trades = new List<TradeRow>();
        var items = Results?["trades"] as JsonArray ?? [];
        for (var index = 0; index < items.Count; index++)
        {
            if (ReadTrade(items[index]) is { } trade)
            {
                trades.Add(trade);
            }
            else
            {
                errors[$"results.trades[{index}]"] = ["a trade needs entry_time, side (long or short), entry_price and quantity; times as ISO-8601 or epoch milliseconds."];
            }
        }
        var points = Results?["equity_curve"] as JsonArray ?? Results?["equity"] as JsonArray ?? [];
        var times = new long[points.Count];
        var equity = new double[points.Count];
        for (var index = 0; index < points.Count; index++)
        {
            var point = points[index] as JsonObject;
            if (Time(point?["timestamp"] ?? point?["time"]) is not { } time)
            {
                errors[$"results.equity_curve[{index}]"] = ["an equity point needs a timestamp (ISO-8601 or epoch milliseconds)."];
                continue;
            }
            times[index] = time.ToUnixTimeMilliseconds();
            equity[index] = Number(point?["equity"]) ?? 0;
        }
        if (errors.Count > 0)
        {
            return null;
        }

        var document = Results?.DeepClone().AsObject() ?? [];
        document.Remove("trades");
        document.Remove("equity_curve");
        document.Remove("equity");
        var metrics = new RunMetrics(
            FinalCapital!.Value, TotalReturn!.Value, TotalTrades!.Value, WinningTrades!.Value, LosingTrades!.Value,
            WinRate!.Value, SharpeRatio!.Value, SortinoRatio, MaxDrawdown!.Value, ProfitFactor);
        return new RunOutcome(metrics, document.ToJsonString(), trades, times, equity);
    }

    private static TradeRow? ReadTrade(JsonNode? node)
    {
        if (node is not JsonObject trade
            || Time(trade["entry_time"]) is not { } entry
            || Side(trade["side"]) is not { } side
            || Number(trade["entry_price"]) is not { } entryPrice
            || (Number(trade["quantity"]) ?? Number(trade["qty"])) is not { } quantity)
        {
            return null;
        }
        return new TradeRow(
            entry.UtcDateTime,
            Time(trade["exit_time"])?.UtcDateTime,
            side,
            entryPrice,
            Number(trade["exit_price"]),
            quantity,
            Number(trade["pnl"]),
            Number(trade["pnl_pct"]),
            Number(trade["commission"]),
            (int?)Number(trade["bars_held"]),
            trade["exit_reason"]?.GetValueKind() == JsonValueKind.String ? trade["exit_reason"]!.GetValue<string>()[..Math.Min(20, trade["exit_reason"]!.GetValue<string>().Length)] : null,
            Number(trade["run_up"]) ?? Number(trade["max_profit"]),
            Number(trade["run_up_pct"]),
            Number(trade["drawdown"]) ?? Number(trade["max_loss"]),
            Number(trade["drawdown_pct"]));
    }

    private static TradeSide? Side(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? TradeSides.Parse(node.GetValue<string>()) : null;

    // Deserialize rather than TryGetValue<double>: a node built from an int holds an int, not a double.
    private static double? Number(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.Number && node.Deserialize<double>() is var number && double.IsFinite(number) ? number : null;

    private static DateTimeOffset? Time(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String when DateTimeOffset.TryParse(
            node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) => time,
        JsonValueKind.Number when node.Deserialize<double>() is var milliseconds && double.IsFinite(milliseconds)
                                  && Math.Abs(milliseconds) < 1e15 => DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds),
        _ => null,
    };

    private static void Require<T>(Dictionary<string, string[]> errors, string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            errors[field] = [$"{field} is required."];
        }
    }
}
