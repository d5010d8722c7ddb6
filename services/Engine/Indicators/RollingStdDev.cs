namespace Platform.Engine.Indicators;

/// <summary>
/// Population standard deviation over a rolling window, O(1) amortized per bar. Sums are kept
/// relative to an anchor value and rebuilt exactly every <c>period</c> bars, so rounding error
/// from adding and removing large prices cannot pile up over a million bars. A window of equal
/// values gives exactly 0, which the rolling sums alone would miss by about 1e-8 of the price,
/// so a z-score or Bollinger %b can tell a flat window. Leading NaNs in the source are skipped.
/// </summary>
public static class RollingStdDev
{
    /// <summary>Leading NaN bars of the result for a source without NaNs; a source's own leading NaNs add to it.</summary>
    public static int WarmUp(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination) =>
        Guard.PastLeadingNaNs(source, period, destination, Deviation);

    public static double[] Compute(ReadOnlySpan<double> source, int period) => Guard.Allocated(source, period, Compute);

    private static void Deviation(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        double anchor = 0,
            sum = 0,
            sumSquares = 0;
        var equalRun = 0;
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
            equalRun = i > 0 && source[i] == source[i - 1] ? equalRun + 1 : 1;
            if (i >= period - 1)
            {
                var mean = sum / period;
                destination[i] =
                    equalRun >= period
                        ? 0
                        : Math.Sqrt(Math.Max(0, sumSquares / period - mean * mean));
            }
        }
    }

    private static (double Sum, double SumSquares) WindowSums(
        ReadOnlySpan<double> window,
        double anchor
    )
    {
        double sum = 0,
            sumSquares = 0;
        foreach (var value in window)
        {
            var d = value - anchor;
            sum += d;
            sumSquares += d * d;
        }

        return (sum, sumSquares);
    }
}
