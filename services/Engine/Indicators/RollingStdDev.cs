namespace Platform.Engine.Indicators;

/// <summary>
/// Population standard deviation over a rolling window, O(1) amortized per bar. Sums are kept
/// relative to an anchor value and rebuilt exactly every <c>period</c> bars, so rounding error
/// from adding and removing large prices cannot pile up over a million bars.
/// </summary>
public static class RollingStdDev
{
    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        Guard.Period(period);
        destination[..Math.Min(source.Length, period - 1)].Fill(double.NaN);
        double anchor = 0, sum = 0, sumSquares = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (i >= period && i % period == 0)
            {
                anchor = source[i];
                (sum, sumSquares) = WindowSums(source[(i - period + 1)..i], anchor);
            }
            else if (i >= period)
            {
                var removed = source[i - period] - anchor;
                sum -= removed;
                sumSquares -= removed * removed;
            }
            else if (i == 0)
            {
                anchor = source[0];
            }

            var added = source[i] - anchor;
            sum += added;
            sumSquares += added * added;
            if (i >= period - 1)
            {
                var mean = sum / period;
                destination[i] = Math.Sqrt(Math.Max(0, sumSquares / period - mean * mean));
            }
        }
    }

    public static double[] Compute(ReadOnlySpan<double> source, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        Compute(source, period, result);
        return result;
    }

    private static (double Sum, double SumSquares) WindowSums(ReadOnlySpan<double> window, double anchor)
    {
        double sum = 0, sumSquares = 0;
        foreach (var value in window)
        {
            var d = value - anchor;
            sum += d;
            sumSquares += d * d;
        }

        return (sum, sumSquares);
    }
}
