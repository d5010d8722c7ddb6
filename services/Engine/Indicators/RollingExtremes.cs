namespace Platform.Engine.Indicators;

/// <summary>
/// Highest and lowest value of any series over a rolling window with a monotonic deque: O(1)
/// amortized per bar. Leading NaNs in the source (an indicator's warm-up) are skipped.
/// </summary>
public static class RollingExtremes
{
    /// <summary>Leading NaN bars of the result for a source without NaNs; a source's own leading NaNs add to it.</summary>
    public static int WarmUp(int period) => period - 1;

    public static void Highest(ReadOnlySpan<double> source, int period, Span<double> destination) =>
        Compute(source, period, highest: true, destination);

    public static void Lowest(ReadOnlySpan<double> source, int period, Span<double> destination) =>
        Compute(source, period, highest: false, destination);

    public static double[] Highest(ReadOnlySpan<double> source, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        Highest(source, period, result);
        return result;
    }

    public static double[] Lowest(ReadOnlySpan<double> source, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        Lowest(source, period, result);
        return result;
    }

    private static void Compute(
        ReadOnlySpan<double> source,
        int period,
        bool highest,
        Span<double> destination
    )
    {
        Guard.Period(period);
        var first = Guard.FirstValid(source);
        destination[..first].Fill(double.NaN);
        ComputeValid(source[first..], period, highest, destination[first..]);
    }

    private static void ComputeValid(
        ReadOnlySpan<double> source,
        int period,
        bool highest,
        Span<double> destination
    )
    {
        destination[..Math.Min(source.Length, period - 1)].Fill(double.NaN);
        var deque = new int[period];
        int head = 0,
            count = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (count > 0 && deque[head] <= i - period)
            {
                head = (head + 1) % period;
                count--;
            }

            while (
                count > 0
                && Dominates(source[i], source[deque[(head + count - 1) % period]], highest)
            )
            {
                count--;
            }

            deque[(head + count) % period] = i;
            count++;
            if (i >= period - 1)
            {
                destination[i] = source[deque[head]];
            }
        }
    }

    private static bool Dominates(double candidate, double existing, bool highest) =>
        highest ? candidate >= existing : candidate <= existing;
}
