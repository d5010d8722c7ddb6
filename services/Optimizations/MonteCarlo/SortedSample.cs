namespace Platform.Optimizations.MonteCarlo;

/// <summary>Statistics of a sample sorted ascending; sums run in sorted order, so they do not depend on how it was produced.</summary>
internal static class SortedSample
{
    /// <summary>
    /// The <paramref name="percent"/>-th percentile (0–100) by linear interpolation between order statistics, numpy's
    /// default: with n values at ranks 0 … n−1, h = (n − 1) · percent / 100 and the result is
    /// x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋]). The 0th is the minimum, the 100th the maximum, the 50th the median.
    /// </summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double percent)
    {
        var rank = (sorted.Length - 1) * percent / 100;
        var below = (int)Math.Floor(rank);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }
        var lower = sorted[below];
        return lower + (rank - below) * (sorted[below + 1] - lower);
    }

    /// <summary>The mean, summed as deviations from the middle value so equal values give that value exactly.</summary>
    public static double Mean(ReadOnlySpan<double> sorted)
    {
        var center = sorted[sorted.Length / 2];
        var sum = 0.0;
        foreach (var value in sorted)
        {
            sum += value - center;
        }
        return center + sum / sorted.Length;
    }

    /// <summary>The population standard deviation (numpy's default, ddof = 0): the simulations are the whole distribution.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> sorted, double mean)
    {
        var sum = 0.0;
        foreach (var value in sorted)
        {
            var deviation = value - mean;
            sum += deviation * deviation;
        }
        return Math.Sqrt(sum / sorted.Length);
    }

    /// <summary>How many values are strictly greater than <paramref name="threshold"/> (binary search).</summary>
    public static int CountAbove(ReadOnlySpan<double> sorted, double threshold)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (sorted[middle] > threshold)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return sorted.Length - low;
    }
}
