using Platform.Engine.Data;

namespace Platform.Engine.Indicators;

/// <summary>
/// Volume-weighted average price of the UTC day: Σ typical price × volume / Σ volume over the
/// bars of the session so far, typical price = (high + low + close) / 3. A session starts with the
/// first bar whose open time falls on a new UTC day. While the session has traded no volume the
/// value is the bar's own typical price, the limit of the average as volume goes to 0, so the
/// series has no holes. Reads candle columns, which <see cref="CandleSeries"/> validates as
/// finite, so there is no NaN warm-up to skip.
/// </summary>
public static class Vwap
{
    private static readonly Interval Day = Interval.Parse("D");

    /// <summary>Leading NaN bars of the result: none, every bar has a value.</summary>
    public static int WarmUp() => 0;

    public static void Compute(
        ReadOnlySpan<long> openTime,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume,
        Span<double> destination
    )
    {
        Guard.Length(high.Length, openTime.Length);
        Guard.Length(low.Length, openTime.Length);
        Guard.Length(close.Length, openTime.Length);
        Guard.Length(volume.Length, openTime.Length);
        Guard.Length(destination.Length, openTime.Length);
        var session = long.MinValue;
        double priceVolume = 0,
            totalVolume = 0;
        for (var i = 0; i < openTime.Length; i++)
        {
            var day = Day.PeriodIndex(openTime[i]);
            if (day != session)
            {
                session = day;
                priceVolume = 0;
                totalVolume = 0;
            }

            var typical = (high[i] + low[i] + close[i]) / 3;
            priceVolume += typical * volume[i];
            totalVolume += volume[i];
            destination[i] = totalVolume == 0 ? typical : priceVolume / totalVolume;
        }
    }

    public static double[] Compute(
        ReadOnlySpan<long> openTime,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume
    )
    {
        var result = GC.AllocateUninitializedArray<double>(openTime.Length);
        Compute(openTime, high, low, close, volume, result);
        return result;
    }
}
