namespace Platform.Optimizations.MonteCarlo;

/// <summary>Two-sided interval holding <see cref="Level"/> of the simulated values: the (1 − level)/2 and (1 + level)/2 percentiles.</summary>
internal sealed record ConfidenceInterval(double Level, double Lower, double Upper)
{
    public static ConfidenceInterval Of(ReadOnlySpan<double> sorted, double level) =>
        new(level, SortedSample.Percentile(sorted, (1 - level) / 2 * 100), SortedSample.Percentile(sorted, (1 + level) / 2 * 100));
}
