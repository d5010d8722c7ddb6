using System.Runtime.InteropServices;
using System.Text.Json;
using Platform.Backtests.Backtests;
using Platform.Engine.Backtesting;

namespace Platform.Backtests.Queue;

/// <summary>Turns the engine's result into the rows of a completed run and its result document (docs/api-behaviour.md, 1.6).</summary>
internal static class EngineOutcome
{
    public static RunOutcome From(BacktestResult result)
    {
        var metrics = result.Metrics;
        return new RunOutcome(
            new RunMetrics(
                metrics.FinalCapital,
                metrics.TotalReturn,
                metrics.TotalTrades,
                metrics.WinningTrades,
                metrics.LosingTrades,
                metrics.WinRate,
                metrics.SharpeRatio,
                metrics.SortinoRatio,
                metrics.MaxDrawdown,
                metrics.ProfitFactor),
            ResultDocument.Summary(result).ToJsonString(),
            Trades(result),
            WholeArray(result.Time),
            WholeArray(result.Equity));
    }

    /// <summary>The array behind the engine's column (the candles' open times, the equity it wrote), copied only when the memory is a part of one.</summary>
    private static T[] WholeArray<T>(ReadOnlyMemory<T> column) =>
        MemoryMarshal.TryGetArray(column, out var segment) && segment is { Offset: 0, Array: { } array } && segment.Count == array.Length
            ? array
            : column.ToArray();

    public static List<TradeRow> Trades(BacktestResult result) =>
        result.Trades.Select(trade => new TradeRow(
            DateTimeOffset.FromUnixTimeMilliseconds(trade.EntryTime).UtcDateTime,
            DateTimeOffset.FromUnixTimeMilliseconds(trade.ExitTime).UtcDateTime,
            trade.Side,
            trade.EntryPrice,
            trade.ExitPrice,
            trade.Quantity,
            trade.Pnl,
            trade.PnlPct,
            trade.Commission,
            trade.BarsHeld,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(trade.ExitReason.ToString()),
            trade.RunUp,
            trade.RunUpPct,
            trade.Drawdown,
            trade.DrawdownPct)).ToList();
}
