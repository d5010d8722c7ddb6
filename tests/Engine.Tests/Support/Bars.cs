using Platform.Engine.Data;

namespace Platform.Engine.Tests.Support;

/// <summary>Builds small hand-written and seeded random candle series for tests.</summary>
internal static class Bars
{
    public static readonly long Start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static readonly Interval Minute = Interval.Parse("1");

    /// <summary>One-minute bars from (open, high, low, close) rows.</summary>
    public static CandleSeries Of(params (double Open, double High, double Low, double Close)[] rows) => Of(Minute, rows);

    public static CandleSeries Of(Interval interval, params (double Open, double High, double Low, double Close)[] rows)
    {
        var time = new long[rows.Length];
        var t = Start;
        for (var i = 0; i < rows.Length; i++)
        {
            time[i] = t;
            t = interval.Next(t);
        }

        return Create(interval, time, rows);
    }

    public static CandleSeries Create(Interval interval, long[] time, (double Open, double High, double Low, double Close)[] rows)
    {
        var result = CandleSeries.Create(
            interval,
            time,
            [.. rows.Select(r => r.Open)],
            [.. rows.Select(r => r.High)],
            [.. rows.Select(r => r.Low)],
            [.. rows.Select(r => r.Close)],
            [.. rows.Select(_ => 1.0)]);
        return result.Series ?? throw new InvalidOperationException(result.Error!.ToString());
    }

    /// <summary>Flat bars at the given closes: open = high = low = close.</summary>
    public static CandleSeries Flat(params double[] closes) => Of([.. closes.Select(c => (c, c, c, c))]);

    /// <summary>A seeded random walk with realistic wicks.</summary>
    public static CandleSeries RandomWalk(int count, int seed, Interval? interval = null, double volatility = 0.01)
    {
        var random = new Random(seed);
        var rows = new (double, double, double, double)[count];
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            price *= Math.Exp((random.NextDouble() - 0.5) * 2 * volatility);
            var high = Math.Max(open, price) * (1 + random.NextDouble() * volatility);
            var low = Math.Min(open, price) * (1 - random.NextDouble() * volatility);
            rows[i] = (open, high, low, price);
        }

        return Of(interval ?? Minute, rows);
    }

    public static (double Open, double High, double Low, double Close)[] Rows(CandleSeries series) =>
        [.. Enumerable.Range(0, series.Count).Select(i => (series.Open[i], series.High[i], series.Low[i], series.Close[i]))];
}
