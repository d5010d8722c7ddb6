namespace Platform.Engine.Indicators;

/// <summary>
/// Bollinger bands: middle = SMA(period), upper and lower = middle ± deviations × the population
/// standard deviation of the same window (<see cref="RollingStdDev"/>, as Bollinger defines it),
/// %b = (x − lower) / (upper − lower), NaN where the band has no width. The period is at least 2,
/// since a one-bar window never has width. Leading NaNs in the source are skipped.
/// </summary>
public static class Bollinger
{
    /// <summary>Leading NaN bars of every band and %b for a source without NaNs; a source's own leading NaNs add to it.</summary>
    public static int WarmUp(int period) => period - 1;

    public static void Compute(
        ReadOnlySpan<double> source,
        int period,
        double deviations,
        Span<double> middle,
        Span<double> upper,
        Span<double> lower,
        Span<double> percentB
    )
    {
        Guard.Period(period, minimum: 2);
        if (!double.IsFinite(deviations) || deviations <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(deviations),
                deviations,
                "deviations must be a finite number > 0."
            );
        }

        Guard.Length(middle.Length, source.Length);
        Guard.Length(upper.Length, source.Length);
        Guard.Length(lower.Length, source.Length);
        Guard.Length(percentB.Length, source.Length);
        Sma.Compute(source, period, middle);
        RollingStdDev.Compute(source, period, upper);
        for (var i = 0; i < source.Length; i++)
        {
            var width = deviations * upper[i];
            upper[i] = middle[i] + width;
            lower[i] = middle[i] - width;
            percentB[i] =
                upper[i] == lower[i] ? double.NaN : (source[i] - lower[i]) / (upper[i] - lower[i]);
        }
    }

    public static BollingerBands Compute(ReadOnlySpan<double> source, int period, double deviations)
    {
        var bands = new BollingerBands(
            GC.AllocateUninitializedArray<double>(source.Length),
            GC.AllocateUninitializedArray<double>(source.Length),
            GC.AllocateUninitializedArray<double>(source.Length),
            GC.AllocateUninitializedArray<double>(source.Length)
        );
        Compute(source, period, deviations, bands.Middle, bands.Upper, bands.Lower, bands.PercentB);
        return bands;
    }
}

public sealed record BollingerBands(
    double[] Middle,
    double[] Upper,
    double[] Lower,
    double[] PercentB
);
