namespace Platform.Engine.Indicators;

/// <summary>
/// Stochastic oscillator. Raw %K = 100 × (close − lowest low) / (highest high − lowest low) over
/// <c>period</c> bars, and 50 when the highest high equals the lowest low: with no range the
/// close sits neither high nor low. %K is the SMA of raw %K over <c>smooth</c> bars (1 keeps it
/// raw), %D the SMA of %K over <c>signal</c> bars. Bars before all three inputs are past their
/// leading NaNs are skipped, so a stochastic RSI passes the RSI as high, low and close.
/// </summary>
public static class Stochastic
{
    /// <summary>Leading NaN bars of %K for inputs without NaNs.</summary>
    public static int KWarmUp(int period, int smooth) =>
        RollingExtremes.WarmUp(period) + Sma.WarmUp(smooth);

    /// <summary>Leading NaN bars of %D for inputs without NaNs.</summary>
    public static int DWarmUp(int period, int smooth, int signal) =>
        KWarmUp(period, smooth) + Sma.WarmUp(signal);

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        int smooth,
        int signal,
        Span<double> k,
        Span<double> d
    )
    {
        Guard.Period(period);
        Guard.Period(smooth);
        Guard.Period(signal);
        Guard.Length(low.Length, high.Length);
        Guard.Length(close.Length, high.Length);
        Guard.Length(k.Length, high.Length);
        Guard.Length(d.Length, high.Length);
        var first = Guard.FirstValid(high, low, close);
        // Raw %K is written over the highest highs, each read just before.
        var raw = RollingExtremes.Highest(high[first..], period);
        var lowest = RollingExtremes.Lowest(low[first..], period);
        for (var i = 0; i < raw.Length; i++)
        {
            var range = raw[i] - lowest[i];
            raw[i] = range == 0 ? 50 : 100 * (close[first + i] - lowest[i]) / range;
        }

        k[..first].Fill(double.NaN);
        d[..first].Fill(double.NaN);
        Sma.Compute(raw, smooth, k[first..]);
        Sma.Compute(k[first..], signal, d[first..]);
    }

    public static StochasticLines Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        int smooth,
        int signal
    )
    {
        var lines = new StochasticLines(
            GC.AllocateUninitializedArray<double>(high.Length),
            GC.AllocateUninitializedArray<double>(high.Length)
        );
        Compute(high, low, close, period, smooth, signal, lines.K, lines.D);
        return lines;
    }
}

public sealed record StochasticLines(double[] K, double[] D);
