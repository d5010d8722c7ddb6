using Platform.Engine.Data;

namespace Platform.Engine.Bench;

/// <summary>A seeded one-minute random walk, so every run measures the same series.</summary>
internal static class RandomWalk
{
    public static CandleSeries Generate(int bars, int seed)
    {
        var random = new Random(seed);
        var time = new long[bars];
        var open = new double[bars];
        var high = new double[bars];
        var low = new double[bars];
        var close = new double[bars];
        var volume = new double[bars];
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var price = 30_000.0;
        for (var i = 0; i < bars; i++)
        {
            time[i] = start + i * Interval.MinuteMs;
            open[i] = price;
            price *= Math.Exp((random.NextDouble() - 0.5) * 0.004);
            close[i] = price;
            high[i] = Math.Max(open[i], close[i]) * (1 + random.NextDouble() * 0.001);
            low[i] = Math.Min(open[i], close[i]) * (1 - random.NextDouble() * 0.001);
            volume[i] = random.NextDouble() * 100;
        }

        return CandleSeries.Create(Interval.Parse("1"), time, open, high, low, close, volume).Series!;
    }
}
