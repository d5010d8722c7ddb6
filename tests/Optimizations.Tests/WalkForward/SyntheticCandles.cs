using Platform.Engine.Data;
using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

/// <summary>Small candle series built in the tests: waves whose period changes over time, so different parameters win in different windows.</summary>
internal static class SyntheticCandles
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly Interval Hour = Interval.Parse("60");

    public static long Ms(double days) => Start.ToUnixTimeMilliseconds() + (long)(days * Interval.DayMs);

    /// <summary>Hourly bars over <paramref name="days"/> days, leaving out the bars whose index is in <paramref name="missing"/>.</summary>
    public static CandleSeries Hourly(int days, params int[] missing) =>
        Build(Hour, [.. Enumerable.Range(0, days * 24).Except(missing)]);

    public static CandleSeries Daily(int days) => Build(Interval.Parse("D"), [.. Enumerable.Range(0, days)]);

    /// <summary>The bars of <paramref name="bars"/> as a series of their own, built independently of the runner's slicing.</summary>
    public static CandleSeries Slice(CandleSeries candles, BarRange bars)
    {
        var range = bars.Start..bars.End;
        return CandleSeries.Create(
            candles.Interval, candles.OpenTime[range], candles.Open[range], candles.High[range], candles.Low[range], candles.Close[range], candles.Volume[range]).Series!;
    }

    private static CandleSeries Build(Interval interval, int[] bars)
    {
        var step = interval.Minutes * Interval.MinuteMs;
        var close = bars.Select(Price).ToArray();
        var open = bars.Select(bar => Price(bar - 1)).ToArray();
        var result = CandleSeries.Create(
            interval,
            [.. bars.Select(bar => Start.ToUnixTimeMilliseconds() + bar * step)],
            open,
            [.. open.Zip(close, (o, c) => Math.Max(o, c) * 1.002)],
            [.. open.Zip(close, (o, c) => Math.Min(o, c) * 0.998)],
            close,
            [.. bars.Select(_ => 1.0)]);
        return result.Series ?? throw new InvalidOperationException(result.Error!.ToString());
    }

    /// <summary>A slow drift plus a wave whose period cycles through 10, 22 and 40 bars every two days.</summary>
    private static double Price(int bar)
    {
        var period = (bar / 48 % 3) switch { 0 => 10.0, 1 => 22.0, _ => 40.0 };
        return 100 * (1 + 0.0004 * bar) * (1 + 0.03 * Math.Sin(2 * Math.PI * bar / period));
    }
}
