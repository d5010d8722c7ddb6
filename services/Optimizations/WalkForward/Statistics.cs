namespace Platform.Optimizations.WalkForward;

/// <summary>Mean, median and population standard deviation (numpy's defaults, as the original summary used); 0 for no values.</summary>
internal static class Statistics
{
    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? 0 : values.Sum() / values.Count;

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        var mean = Mean(values);
        return values.Count == 0 ? 0 : Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / values.Count);
    }
}
