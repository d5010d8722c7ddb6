namespace Platform.Engine.Indicators;

/// <summary>
/// Wilder's average true range. The true range of the first bar is its high − low, later ones
/// max(high − low, |high − previous close|, |low − previous close|). The ATR is seeded with the mean of
/// the first <c>period</c> true ranges at index period − 1, then smoothed as (previous × (period − 1) + TR) / period;
/// NaN before the seed.
/// </summary>
public static class Atr
{
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> destination)
    {
        Guard.Period(period);
        var n = close.Length;
        destination[..Math.Min(n, period - 1)].Fill(double.NaN);
        if (n < period)
        {
            return;
        }

        var sum = 0.0;
        for (var i = 0; i < period; i++)
        {
            sum += TrueRange(high, low, close, i);
        }

        var atr = sum / period;
        destination[period - 1] = atr;
        for (var i = period; i < n; i++)
        {
            atr = (atr * (period - 1) + TrueRange(high, low, close, i)) / period;
            destination[i] = atr;
        }
    }

    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(close.Length);
        Compute(high, low, close, period, result);
        return result;
    }

    private static double TrueRange(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int i) =>
        i == 0
            ? high[0] - low[0]
            : Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1])));
}
