namespace Platform.Engine.Data;

/// <summary>Aggregates a series to a higher interval, exposing a higher candle only once it has closed.</summary>
public static class Resampler
{
    public static ResampledSeries Resample(CandleSeries source, Interval target)
    {
        if (!target.Nests(source.Interval))
        {
            throw new ArgumentException($"cannot resample {source.Interval.Code} to {target.Code}", nameof(target));
        }

        var time = source.OpenTime;
        var open = source.Open;
        var high = source.High;
        var low = source.Low;
        var close = source.Close;
        var volume = source.Volume;
        var buckets = new Buckets(time.Length / (target.Minutes / source.Interval.Minutes) + 2);
        var lastClosed = new int[time.Length];

        // Only minute and day bars nest in anything, so every source bar has a fixed length.
        var barLength = source.Interval.Minutes * Interval.MinuteMs;
        var bucketEnd = long.MinValue;
        var closedCount = 0;
        for (var i = 0; i < time.Length; i++)
        {
            if (time[i] >= bucketEnd)
            {
                // A bar past the current bucket's end proves that bucket closed, even when its last bars are missing.
                closedCount = buckets.Count;
                var start = target.Floor(time[i]);
                bucketEnd = target.Next(start);
                buckets.Start(start, open[i], high[i], low[i], close[i], volume[i]);
            }
            else
            {
                buckets.Extend(high[i], low[i], close[i], volume[i]);
            }

            if (time[i] + barLength >= bucketEnd)
            {
                closedCount = buckets.Count;
            }

            lastClosed[i] = closedCount - 1;
        }

        return new ResampledSeries(buckets.ToSeries(target, closedCount), lastClosed);
    }

    private sealed class Buckets(int capacity)
    {
        private readonly List<long> time = new(capacity);
        private readonly List<double> open = new(capacity);
        private readonly List<double> high = new(capacity);
        private readonly List<double> low = new(capacity);
        private readonly List<double> close = new(capacity);
        private readonly List<double> volume = new(capacity);

        public int Count => time.Count;

        public void Start(long start, double o, double h, double l, double c, double v)
        {
            time.Add(start);
            open.Add(o);
            high.Add(h);
            low.Add(l);
            close.Add(c);
            volume.Add(v);
        }

        public void Extend(double h, double l, double c, double v)
        {
            var last = time.Count - 1;
            high[last] = Math.Max(high[last], h);
            low[last] = Math.Min(low[last], l);
            close[last] = c;
            volume[last] += v;
        }

        public CandleSeries ToSeries(Interval interval, int count) => CandleSeries.Trusted(
            interval,
            [.. time[..count]],
            [.. open[..count]],
            [.. high[..count]],
            [.. low[..count]],
            [.. close[..count]],
            [.. volume[..count]]);
    }
}
