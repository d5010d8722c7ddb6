namespace Platform.Engine.Indicators;

/// <summary>Simple moving average by a rolling sum: O(1) per bar. Bars before the window fills are NaN.</summary>
public static class Sma
{
    /// <summary>Leading NaN bars of the result for a source without NaNs; a source's own leading NaNs add to it.</summary>
    public static int WarmUp(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        Guard.Period(period);
        var first = Guard.FirstValid(source);
        destination[..Math.Min(source.Length, first + period - 1)].Fill(double.NaN);
        var sum = 0.0;
        for (var i = first; i < source.Length; i++)
        {
            sum += source[i];
            if (i - first >= period)
            {
                sum -= source[i - period];
            }

            if (i - first >= period - 1)
            {
                destination[i] = sum / period;
            }
        }
    }

    public static double[] Compute(ReadOnlySpan<double> source, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        Compute(source, period, result);
        return result;
    }
}
