namespace Platform.Engine.Indicators;

/// <summary>
/// Rate of change in percent: 100 × (x[i] − x[i − period]) / x[i − period]. NaN where the
/// earlier value is 0, since the change has no proportion there. Leading NaNs in the source are
/// skipped.
/// </summary>
public static class RateOfChange
{
    /// <summary>Leading NaN bars of the result for a source without NaNs: the first bar needs one <c>period</c> bars earlier.</summary>
    public static int WarmUp(int period) => period;

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        Guard.Period(period);
        var first = Guard.FirstValid(source);
        destination[..Math.Min(source.Length, first + period)].Fill(double.NaN);
        for (var i = first + period; i < source.Length; i++)
        {
            var earlier = source[i - period];
            destination[i] = earlier == 0 ? double.NaN : 100 * (source[i] - earlier) / earlier;
        }
    }

    public static double[] Compute(ReadOnlySpan<double> source, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        Compute(source, period, result);
        return result;
    }
}
