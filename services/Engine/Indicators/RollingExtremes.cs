namespace Platform.Engine.Indicators;

/// <summary>Highest and lowest value over a rolling window with a monotonic deque: O(1) amortized per bar.</summary>
public static class RollingExtremes
{
    public static double[] Highest(ReadOnlySpan<double> source, int period) => Compute(source, period, highest: true);

    public static double[] Lowest(ReadOnlySpan<double> source, int period) => Compute(source, period, highest: false);

    private static double[] Compute(ReadOnlySpan<double> source, int period, bool highest)
    {
        Guard.Period(period);
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        result.AsSpan(0, Math.Min(source.Length, period - 1)).Fill(double.NaN);
        var deque = new int[period];
        int head = 0, count = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (count > 0 && deque[head] <= i - period)
            {
                head = (head + 1) % period;
                count--;
            }

            while (count > 0 && Dominates(source[i], source[deque[(head + count - 1) % period]], highest))
            {
                count--;
            }

            deque[(head + count) % period] = i;
            count++;
            if (i >= period - 1)
            {
                result[i] = source[deque[head]];
            }
        }

        return result;
    }

    private static bool Dominates(double candidate, double existing, bool highest) =>
        highest ? candidate >= existing : candidate <= existing;
}
