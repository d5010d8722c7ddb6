namespace Platform.Engine.Indicators;

/// <summary>
/// Rolling z-score: (x − SMA(period)) / population standard deviation(period), the same
/// deviation as <see cref="RollingStdDev"/>. NaN where the window is flat (deviation 0), since no
/// value stands out from it; for that reason the period is at least 2. Leading NaNs in the
/// source are skipped.
/// </summary>
public static class ZScore
{
    /// <summary>Leading NaN bars of the result for a source without NaNs; a source's own leading NaNs add to it.</summary>
    public static int WarmUp(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        Guard.Period(period, minimum: 2);
        var deviation = RollingStdDev.Compute(source, period);
        Sma.Compute(source, period, destination);
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] =
                deviation[i] == 0 ? double.NaN : (source[i] - destination[i]) / deviation[i];
        }
    }

    public static double[] Compute(ReadOnlySpan<double> source, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        Compute(source, period, result);
        return result;
    }
}
