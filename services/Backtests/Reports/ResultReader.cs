using System.Text.Json;
using Platform.Backtests.Queue;
using Platform.Engine.Backtesting;

namespace Platform.Backtests.Reports;

/// <summary>Parses the parts of a result document (docs/api-behaviour.md, 1.6) that reports and charts use.</summary>
internal static class ResultReader
{
    public static ReportTrade[] Trades(JsonElement results)
    {
        if (!results.TryGetProperty("trades", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ReportDataException($"'trades' must be a list, not {list.ValueKind}");
        }

        var trades = new ReportTrade[list.GetArrayLength()];
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            trades[index] = Trade(item, index);
            index++;
        }

        return trades;
    }

    /// <summary>
    /// The engine's <c>equity_curve</c> (<c>{timestamp, equity}</c>) or the hand-written <c>equity</c>
    /// (<c>{time, equity}</c>) that the original charts read, whichever is a non-empty list first; a missing equity is 0.
    /// </summary>
    public static EquitySeries Equity(JsonElement results)
    {
        if (!TryNonEmptyList(results, "equity_curve", out var points) && !TryNonEmptyList(results, "equity", out points))
        {
            return EquitySeries.Empty;
        }

        var count = points.GetArrayLength();
        var time = new long[count];
        var equity = new double[count];
        var index = 0;
        foreach (var point in points.EnumerateArray())
        {
            if (point.ValueKind != JsonValueKind.Object)
            {
                throw new ReportDataException($"Equity point {index + 1} must be an object, not {point.ValueKind}");
            }

            time[index] = JsonFields.EpochMs(point, "Equity point", index, "timestamp", "time")
                ?? throw new ReportDataException($"Equity point {index + 1} has no time");
            equity[index] = JsonFields.Number(point, "Equity point", index, "equity") ?? 0;
            index++;
        }

        return new EquitySeries(time, equity);
    }

    /// <summary>The numeric members of <c>metrics</c>; other members are left out.</summary>
    public static Dictionary<string, double> Metrics(JsonElement results)
    {
        Dictionary<string, double> metrics = [];
        if (results.TryGetProperty("metrics", out var node) && node.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in node.EnumerateObject())
            {
                if (JsonFields.TryNumber(member.Value, out var value))
                {
                    metrics[member.Name] = value;
                }
            }
        }

        return metrics;
    }

    private static ReportTrade Trade(JsonElement item, int index)
    {
        const string What = "Trade";
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new ReportDataException($"{What} {index + 1} must be an object, not {item.ValueKind}");
        }

        return new ReportTrade(
            EntryTime: JsonFields.Time(item, What, index, "entry_time"),
            ExitTime: JsonFields.Time(item, What, index, "exit_time"),
            Side: Side(item, index),
            EntryPrice: JsonFields.Number(item, What, index, "entry_price") ?? 0,
            ExitPrice: JsonFields.Number(item, What, index, "exit_price"),
            Quantity: JsonFields.Number(item, What, index, "quantity", "qty") ?? 0,
            Pnl: JsonFields.Number(item, What, index, "pnl"),
            PnlPct: JsonFields.Number(item, What, index, "pnl_pct") ?? 0,
            Commission: JsonFields.Number(item, What, index, "commission") ?? 0,
            RunUp: JsonFields.Number(item, What, index, "run_up", "max_profit") ?? 0,
            Drawdown: JsonFields.Number(item, What, index, "drawdown", "max_loss") ?? 0,
            BarsHeld: JsonFields.Number(item, What, index, "bars_held") ?? 0,
            ExitReason: JsonFields.Text(item, "exit_reason"),
            EntrySignal: JsonFields.Text(item, "entry_signal"),
            ExitSignal: JsonFields.Text(item, "exit_signal"));
    }

    // Documents come in every spelling TradeSides reads, padded or not; a trade without a side is long, as the original
    // generator assumed.
    private static TradeSide Side(JsonElement item, int index) =>
        JsonFields.Text(item, "side")?.Trim() is not { } text ? TradeSide.Long
        : TradeSides.Parse(text) ?? throw new ReportDataException($"Trade {index + 1}: 'side' must be long or short, not {text.ToLowerInvariant()}");

    private static bool TryNonEmptyList(JsonElement results, string name, out JsonElement list) =>
        results.TryGetProperty(name, out list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0;
}
