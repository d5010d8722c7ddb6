using System.Globalization;
using Platform.Backtests.Queue;
using Platform.Candles;
using Platform.Engine.Backtesting;
using Platform.Engine.Charts;

namespace Platform.Backtests.Charts;

/// <summary>
/// What the trades chart draws (docs/api-behaviour.md, 2.15): the candles' close thinned to at most
/// <see cref="MaxPricePoints"/> points keeping each stretch's lowest and highest close, and every trade of the window at
/// its exact time and price, up to <see cref="MaxTrades"/> trades by entry time.
/// </summary>
internal sealed record TradesChartData(
    string Title,
    DownsampledSeries Price,
    int Bars,
    TradeMarkers LongEntries,
    TradeMarkers ShortEntries,
    TradeMarkers Exits,
    int TradesShown,
    long TradesTotal)
{
    public const int MaxPricePoints = 4_000;

    /// <summary>
    /// Trades marked at most: 10,000 markers with their exits, about what a browser still draws and hovers smoothly; the
    /// rest are reached by narrowing the window.
    /// </summary>
    public const int MaxTrades = 5_000;

    public const string LongEntryName = "Long entry";
    public const string ShortEntryName = "Short entry";
    public const string ExitName = "Exit";

    public bool Truncated => TradesTotal > TradesShown;

    /// <summary>The figure's note when trades were left out; null when every trade of the window is marked.</summary>
    public string? Note => Truncated
        ? string.Create(CultureInfo.InvariantCulture, $"Showing the first {TradesShown:N0} of {TradesTotal:N0} trades; narrow start and end to see the rest")
        : null;

    /// <param name="trades">The window's trades by entry time, at most <see cref="MaxTrades"/>.</param>
    /// <param name="from">The window's start (ms, inclusive): markers before it are left out.</param>
    /// <param name="to">The window's end (ms, exclusive).</param>
    public static TradesChartData From(string title, CandleColumns candles, IReadOnlyList<ChartTrade> trades, long from, long to)
    {
        List<(long, double, string)> longs = [], shorts = [], exits = [];
        foreach (var trade in trades)
        {
            var entry = Ms(trade.EntryTime);
            if (entry >= from && entry < to)
            {
                var isLong = trade.Side == TradeSide.Long;
                (isLong ? longs : shorts).Add((entry, trade.EntryPrice, Hover(isLong ? "Long entry" : "Short entry", entry, trade.EntryPrice, trade.Pnl, null)));
            }
            if (trade is { ExitTime: { } exitTime, ExitPrice: { } exitPrice } && Ms(exitTime) is var exit && exit >= from && exit < to)
            {
                exits.Add((exit, exitPrice, Hover($"Exit {TradeSides.Name(trade.Side)}", exit, exitPrice, trade.Pnl, trade.ExitReason)));
            }
        }

        return new TradesChartData(
            title,
            Downsampler.MinMax(candles.OpenTime, candles.Close, MaxPricePoints),
            candles.Count,
            TradeMarkers.From(LongEntryName, longs),
            TradeMarkers.From(ShortEntryName, shorts),
            TradeMarkers.From(ExitName, [.. exits.OrderBy(exit => exit.Item1)]),
            trades.Count,
            trades.Count == 0 ? 0 : trades[0].Total);
    }

    private static long Ms(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private static string Hover(string what, long time, double price, double? pnl, string? reason)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{what}<br>{DateTime.UnixEpoch.AddMilliseconds(time):yyyy-MM-dd HH:mm:ss} UTC<br>Price: {price}<br>PnL: {(pnl is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")}");
        return reason is null ? text : $"{text}<br>Reason: {reason}";
    }
}
