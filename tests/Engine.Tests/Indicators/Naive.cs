namespace Platform.Engine.Tests.Indicators;

/// <summary>Textbook O(n·period) recomputations, independent of the engine's rolling implementations.</summary>
internal static class Naive
{
    public static double[] Sma(double[] x, int period) =>
        [.. x.Select((_, i) => i < period - 1 ? double.NaN : x.Skip(i - period + 1).Take(period).Average())];

    public static double[] StdDev(double[] x, int period) => [.. x.Select((_, i) =>
    {
        if (i < period - 1)
        {
            return double.NaN;
        }

        var window = x.Skip(i - period + 1).Take(period).ToArray();
        var mean = window.Average();
        return Math.Sqrt(window.Sum(v => (v - mean) * (v - mean)) / period);
    })];

    public static double[] Highest(double[] x, int period) =>
        [.. x.Select((_, i) => i < period - 1 ? double.NaN : x.Skip(i - period + 1).Take(period).Max())];

    public static double[] Lowest(double[] x, int period) =>
        [.. x.Select((_, i) => i < period - 1 ? double.NaN : x.Skip(i - period + 1).Take(period).Min())];

    /// <summary>EMA by its definition: seed = mean of the first period values, then value = α·x + (1 − α)·previous.</summary>
    public static double[] Ema(double[] x, int period)
    {
        var result = Enumerable.Repeat(double.NaN, x.Length).ToArray();
        var first = Array.FindIndex(x, v => !double.IsNaN(v));
        if (first < 0 || first + period > x.Length)
        {
            return result;
        }

        var alpha = 2.0 / (period + 1);
        result[first + period - 1] = x.Skip(first).Take(period).Average();
        for (var i = first + period; i < x.Length; i++)
        {
            result[i] = alpha * x[i] + (1 - alpha) * result[i - 1];
        }

        return result;
    }

    /// <summary>Wilder's RSI as he defined it: smoothed averages of gains and losses.</summary>
    public static double[] Rsi(double[] close, int period)
    {
        var result = Enumerable.Repeat(double.NaN, close.Length).ToArray();
        var changes = close.Skip(1).Select((c, i) => c - close[i]).ToArray();
        if (changes.Length < period)
        {
            return result;
        }

        var averageGain = changes.Take(period).Sum(c => c > 0 ? c : 0) / period;
        var averageLoss = changes.Take(period).Sum(c => c < 0 ? -c : 0) / period;
        for (var i = period; ; i++)
        {
            result[i] = averageLoss == 0 ? (averageGain == 0 ? 50 : 100) : 100 - 100 / (1 + averageGain / averageLoss);
            if (i == changes.Length)
            {
                return result;
            }

            averageGain = (averageGain * (period - 1) + Math.Max(changes[i], 0)) / period;
            averageLoss = (averageLoss * (period - 1) + Math.Max(-changes[i], 0)) / period;
        }
    }
}
