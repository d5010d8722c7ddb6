namespace Platform.Engine.Indicators;

/// <summary>
/// Wilder's RSI: the first average gain and loss are plain means of the first <c>period</c>
/// changes, then each average is smoothed as (previous × (period − 1) + current) / period.
/// RSI is 100 when there are no losses and 50 when the window has neither gains nor losses.
/// </summary>
public static class Rsi
{
    public static void Compute(ReadOnlySpan<double> close, int period, Span<double> destination)
    {
        Guard.Period(period);
        destination[..Math.Min(close.Length, period)].Fill(double.NaN);
        if (close.Length <= period)
        {
            return;
        }

        double gain = 0, loss = 0;
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
            gain = (gain * (period - 1) + Math.Max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.Max(-change, 0)) / period;
            destination[i] = Value(gain, loss);
        }
    }

    public static double[] Compute(ReadOnlySpan<double> close, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(close.Length);
        Compute(close, period, result);
        return result;
    }

    private static double Value(double gain, double loss) =>
        loss == 0 ? (gain == 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss);
}
