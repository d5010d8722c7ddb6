namespace Platform.Engine.Indicators;

/// <summary>
/// Linearly weighted moving average: weights 1 … period from the oldest bar to the newest,
/// divided by period × (period + 1) / 2. O(1) per bar: moving the window lowers every weight by
/// one, which subtracts the window's plain sum from the weighted sum. Leading NaNs in the source
/// are skipped.
/// </summary>
public static class Wma
{
    /// <summary>Leading NaN bars of the result for a source without NaNs; a source's own leading NaNs add to it.</summary>
    public static int WarmUp(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination) =>
        Guard.PastLeadingNaNs(source, period, destination, Weighted);

    public static double[] Compute(ReadOnlySpan<double> source, int period) => Guard.Allocated(source, period, Compute);

    private static void Weighted(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        var divisor = period * (period + 1) / 2.0;
        double sum = 0,
            weighted = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (i >= period)
            {
                weighted -= sum;
                sum -= source[i - period];
            }

            weighted += Math.Min(i + 1, period) * source[i];
            sum += source[i];
            if (i >= period - 1)
            {
                destination[i] = weighted / divisor;
            }
        }
    }
}
