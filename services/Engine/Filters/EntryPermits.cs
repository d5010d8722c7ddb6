using Platform.Engine.Data;
using Platform.Engine.Indicators;
using Platform.Engine.Strategies;

namespace Platform.Engine.Filters;

/// <summary>Turns trend filters into per-base-bar entry permissions (<see cref="Signal.EnterLong"/> / <see cref="Signal.EnterShort"/> bits).</summary>
internal static class EntryPermits
{
    /// <summary>Null when there are no filters, meaning every entry is permitted.</summary>
    public static byte[]? Compute(CandleSeries candles, IReadOnlyList<TrendFilter> filters)
    {
        if (filters.Count == 0)
        {
            return null;
        }

        var permits = new byte[candles.Count];
        permits.AsSpan().Fill(Signal.Entries);
        foreach (var filter in filters)
        {
            Apply(candles, filter, permits);
        }

        return permits;
    }

    private static void Apply(CandleSeries candles, TrendFilter filter, byte[] permits)
    {
        var higher = Resampler.Resample(candles, filter.Interval);
        var close = higher.Candles.Close;
        var average = filter.Average == MovingAverageKind.Sma ? Sma.Compute(close, filter.Period) : Ema.Compute(close, filter.Period);
        var lastClosed = higher.LastClosedIndex;
        for (var i = 0; i < permits.Length; i++)
        {
            // Only the last CLOSED higher candle is visible at this bar's close; none yet (or a warming
            // average) blocks entries rather than guessing.
            var j = lastClosed[i];
            var trend = j < 0 || double.IsNaN(average[j]) ? 0 : Math.Sign(close[j] - average[j]);
            permits[i] &= Allowed(filter.Condition, trend);
        }
    }

    private static byte Allowed(TrendCondition condition, int trend) => (condition, trend) switch
    {
        (TrendCondition.Aligned, > 0) => Signal.EnterLong,
        (TrendCondition.Aligned, < 0) => Signal.EnterShort,
        (TrendCondition.PriceAbove, > 0) or (TrendCondition.PriceBelow, < 0) => Signal.Entries,
        _ => 0,
    };
}
