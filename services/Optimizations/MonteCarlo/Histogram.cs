namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// Equal-width bins over the sample's range, numpy.histogram's convention: <see cref="BinEdges"/> has one more entry
/// than <see cref="Counts"/>, every bin holds its left edge and the last also its right edge. A sample of one repeated
/// value spans that value ± 0.5.
/// </summary>
internal sealed record Histogram(IReadOnlyList<double> BinEdges, IReadOnlyList<int> Counts)
{
    public static Histogram Of(ReadOnlySpan<double> sorted, int bins)
    {
        var low = sorted[0];
        var high = sorted[^1];
        if (low == high)
        {
            low -= 0.5;
            high += 0.5;
        }

        var edges = new double[bins + 1];
        for (var i = 0; i < bins; i++)
        {
            edges[i] = low + (high - low) * i / bins;
        }
        edges[bins] = high;

        var counts = new int[bins];
        var bin = 0;
        foreach (var value in sorted)
        {
            while (bin < bins - 1 && value >= edges[bin + 1])
            {
                bin++;
            }
            counts[bin]++;
        }
        return new Histogram(edges, counts);
    }
}
