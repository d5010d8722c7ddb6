namespace Platform.Engine.Charts;

/// <summary>Thins a per-bar series for charts while keeping its extremes.</summary>
public static class Downsampler
{
    /// <summary>
    /// Keeps the first and last points and, per equal-width bucket in between, the minimum and the
    /// maximum in time order, so no peak or trough of the equity or drawdown curve disappears.
    /// Returns at most <paramref name="maxPoints"/> points (at least 4).
    /// </summary>
    public static DownsampledSeries MinMax(ReadOnlySpan<long> time, ReadOnlySpan<double> values, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 4);
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, time.Length);
        if (values.Length <= maxPoints)
        {
            return new DownsampledSeries(time.ToArray(), values.ToArray());
        }

        var buckets = (maxPoints - 2) / 2;
        var inner = values.Length - 2;
        List<int> keep = new(maxPoints) { 0 };
        for (var b = 0; b < buckets; b++)
        {
            var start = 1 + (int)((long)inner * b / buckets);
            var end = 1 + (int)((long)inner * (b + 1) / buckets);
            int min = start, max = start;
            for (var i = start + 1; i < end; i++)
            {
                min = values[i] < values[min] ? i : min;
                max = values[i] > values[max] ? i : max;
            }

            keep.Add(Math.Min(min, max));
            if (min != max)
            {
                keep.Add(Math.Max(min, max));
            }
        }

        keep.Add(values.Length - 1);
        var resultTime = new long[keep.Count];
        var resultValues = new double[keep.Count];
        for (var k = 0; k < keep.Count; k++)
        {
            resultTime[k] = time[keep[k]];
            resultValues[k] = values[keep[k]];
        }

        return new DownsampledSeries(resultTime, resultValues);
    }
}
