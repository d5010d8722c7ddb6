namespace Platform.Testing;

/// <summary>A seeded random walk of hourly equity between 5,000 and 15,000, for charts and reports over long curves.</summary>
public static class EquityWalk
{
    public const long FirstOpenTime = 1_735_689_600_000L;

    public static (long[] Time, double[] Equity) Hourly(int bars, int seed)
    {
        var random = new Random(seed);
        var time = new long[bars];
        var equity = new double[bars];
        var value = 10_000.0;
        for (var i = 0; i < bars; i++)
        {
            value = Math.Clamp(value + random.NextDouble() - 0.5, 5_000, 15_000);
            time[i] = FirstOpenTime + i * 3_600_000L;
            equity[i] = value;
        }
        return (time, equity);
    }
}
