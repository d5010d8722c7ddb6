namespace Platform.Engine.Indicators;

/// <summary>
/// Wilder's average true range. True range = max(high − low, |high − previous close|,
/// |low − previous close|), and high − low on the first bar, which has no previous close. The
/// average is seeded with the plain mean of the first <c>period</c> true ranges, then smoothed the
/// way <see cref="Rsi"/> smooths its gains and losses. Bars before all three inputs are past their
/// leading NaNs are skipped.
/// </summary>
public static class Atr
{
    /// <summary>Leading NaN bars of the result for inputs without NaNs: the first bar has a true range, so one bar less than RSI.</summary>
    public static int WarmUp(int period) => period - 1;

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        Span<double> destination
    )
    {
        Guard.Period(period);
        Guard.Length(low.Length, high.Length);
        Guard.Length(close.Length, high.Length);
        Guard.Length(destination.Length, high.Length);
        var first = Guard.FirstValid(high, low, close);
        destination[..first].Fill(double.NaN);
        ComputeValid(high[first..], low[first..], close[first..], period, destination[first..]);
    }

    public static double[] Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period
    )
    {
        var result = GC.AllocateUninitializedArray<double>(high.Length);
        Compute(high, low, close, period, result);
        return result;
    }

    /// <summary>Bar <paramref name="i"/>'s true range; needs <paramref name="i"/> ≥ 1.</summary>
    internal static double TrueRange(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int i
    ) =>
        Math.Max(
            high[i] - low[i],
            Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1]))
        );

    private static void ComputeValid(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        Span<double> destination
    )
    {
        destination[..Math.Min(high.Length, period - 1)].Fill(double.NaN);
        if (high.Length < period)
        {
            return;
        }

        var average = high[0] - low[0];
        for (var i = 1; i < period; i++)
        {
            average += TrueRange(high, low, close, i);
        }

        average /= period;
        destination[period - 1] = average;
        for (var i = period; i < high.Length; i++)
        {
            average = Wilder.Smooth(average, TrueRange(high, low, close, i), period);
            destination[i] = average;
        }
    }
}
