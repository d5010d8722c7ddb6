using Platform.Engine.Data;

namespace Platform.MarketData.WorkingSets;

/// <summary>
/// Aggregates a working set into a higher interval that nests it (docs/api-behaviour.md, 4.6): first open, highest high, lowest low,
/// last close, summed volume, the window's start as its time.
/// </summary>
/// <remarks>
/// The engine's <see cref="Resampler"/> counts a window as closed once its last bar is there, so the window the working set
/// enters midway (its oldest) or one with missing bars would pass for complete. Here a window counts only when every base
/// bar of it is present; a working set holds closed candles only, so such a window has closed.
/// </remarks>
internal static class WorkingSetAggregator
{
    /// <param name="candles">Base candles, ascending, one per open time.</param>
    /// <param name="source">Their interval: minutes or <c>D</c>, the only ones a higher interval nests, so every bar has a fixed length.</param>
    /// <param name="target">The higher interval; it must nest <paramref name="source"/>.</param>
    /// <param name="includePartial">Also return windows the base candles do not cover fully (the newest, still open, one among them).</param>
    public static List<WorkingSetCandle> Aggregate(IReadOnlyList<WorkingSetCandle> candles, Interval source, Interval target, bool includePartial)
    {
        if (!target.Nests(source))
        {
            throw new ArgumentException($"{target.Code} does not nest {source.Code}", nameof(target));
        }
        var barMs = source.Minutes * Interval.MinuteMs;
        var windows = new List<WorkingSetCandle>();
        var index = 0;
        while (index < candles.Count)
        {
            var first = candles[index];
            var start = target.Floor(first.Time * 1000);
            var end = target.Next(start);
            var (high, low, close, volume, bars) = (first.High, first.Low, first.Close, first.Volume, 1L);
            for (index++; index < candles.Count && candles[index].Time * 1000 < end; index++)
            {
                var candle = candles[index];
                (high, low, close, volume, bars) = (Math.Max(high, candle.High), Math.Min(low, candle.Low), candle.Close, volume + candle.Volume, bars + 1);
            }
            if (includePartial || bars == (end - start) / barMs)
            {
                windows.Add(new WorkingSetCandle(start / 1000, first.Open, high, low, close, volume));
            }
        }
        return windows;
    }
}
