namespace Platform.Engine.Indicators;

/// <summary>
/// Wilder's RSI: the first average gain and loss are plain means of the first <c>period</c>
/// changes, then each average is smoothed as (previous × (period − 1) + current) / period.
/// RSI is 100 when there are no losses and 50 when the window has neither gains nor losses.
/// Leading NaNs in the source (an indicator's warm-up) are skipped.
/// </summary>
public static class Rsi
{
    /// <summary>Leading NaN bars of the result for a source without NaNs: the first change needs a previous bar.</summary>
    public static int WarmUp(int period) => period;

    public static void Compute(ReadOnlySpan<double> close, int period, Span<double> destination)
    {
        Guard.Period(period);
        var first = Guard.FirstValid(close);
        destination[..first].Fill(double.NaN);
        ComputeValid(close[first..], period, destination[first..]);
    }

    public static double[] Compute(ReadOnlySpan<double> close, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(close.Length);
        Compute(close, period, result);
        return result;
    }

    private static void ComputeValid(
        ReadOnlySpan<double> close,
        int period,
        Span<double> destination
    )
    {
        destination[..Math.Min(close.Length, period)].Fill(double.NaN);
        if (close.Length <= period)
        {
            return;
        }

        double gain = 0,
            loss = 0;
        for (var i = 1; i <= period; i++)
        {
            var change = close[i] - close[i - 1];
            gain += Math.Max(change, 0);
            loss += Math.Max(-change, 0);
        }

        gain /= period;
        loss /= period;
        destination[period] = Value(gain, loss);
        for (var i = period + 1; i < close.Length; i++)
        {
            var change = close[i] - close[i - 1];
            gain = Wilder.Smooth(gain, Math.Max(change, 0), period);
            loss = Wilder.Smooth(loss, Math.Max(-change, 0), period);
            destination[i] = Value(gain, loss);
        }
    }

    private static double Value(double gain, double loss) =>
        loss == 0 ? (gain == 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss);
}
