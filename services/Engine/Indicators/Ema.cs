namespace Platform.Engine.Indicators;

/// <summary>
/// Exponential moving average, alpha = 2 / (period + 1), seeded with the SMA of the first
/// <c>period</c> valid values. Leading NaNs in the source (an indicator's warm-up) are skipped.
/// </summary>
public static class Ema
{
    /// <summary>Leading NaN bars of the result for a source without NaNs; a source's own leading NaNs add to it.</summary>
    public static int WarmUp(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        Guard.Period(period);
        var first = Guard.FirstValid(source);
        var seedIndex = first + period - 1;
        destination[..Math.Min(source.Length, seedIndex)].Fill(double.NaN);
        if (seedIndex >= source.Length)
        {
            return;
        }

        var sum = 0.0;
        for (var i = first; i <= seedIndex; i++)
        {
            sum += source[i];
        }

        var alpha = 2.0 / (period + 1);
        var value = sum / period;
        destination[seedIndex] = value;
        for (var i = seedIndex + 1; i < source.Length; i++)
        {
            value += alpha * (source[i] - value);
            destination[i] = value;
        }
    }

    public static double[] Compute(ReadOnlySpan<double> source, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        Compute(source, period, result);
        return result;
    }
}
