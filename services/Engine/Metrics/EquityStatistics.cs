namespace Platform.Engine.Metrics;

/// <summary>One pass over the equity curve: returns, drawdown and run-up.</summary>
internal readonly record struct EquityStatistics(
    double MeanExcessReturn,
    double ReturnStdDev,
    double DownsideDeviation,
    double MaxDrawdownAbs,
    double MaxDrawdownFraction,
    int MaxDrawdownBars,
    double MaxRunupAbs,
    double MaxRunupFraction)
{
    /// <summary>Writes each bar's drawdown from the running peak, in percent, when <paramref name="drawdownPct"/> is not empty.</summary>
    public static EquityStatistics Compute(ReadOnlySpan<double> equity, double initialCapital, double riskFreePerBar, Span<double> drawdownPct)
    {
        var writeDrawdown = !drawdownPct.IsEmpty;
        double previous = initialCapital, peak = initialCapital, trough = initialCapital;
        double inversePeak = Inverse(peak), inverseTrough = Inverse(trough);
        double sum = 0, sumSquares = 0, downside = 0;
        double maxDrawdown = 0, maxDrawdownFraction = 0, maxRunup = 0, maxRunupFraction = 0;
        int peakBar = -1, maxDrawdownBars = 0;

        // Branch-free MinNative where the sign is random, plain comparisons where the outcome is
        // predictable (Math.Max/Min handle NaN and -0 and are slower); reciprocals change only when
        // the peak or trough does. Equity is never NaN.
        for (var i = 0; i < equity.Length; i++)
        {
            var value = equity[i];
            var excess = (previous > 0 ? value / previous - 1 : 0) - riskFreePerBar;
            sum += excess;
            sumSquares += excess * excess;
            var shortfall = double.MinNative(excess, 0);
            downside += shortfall * shortfall;

            previous = value;
            if (value >= peak)
            {
                peak = value;
                peakBar = i;
                inversePeak = Inverse(peak);
            }

            var drawdown = peak - value;
            var drawdownFraction = drawdown * inversePeak;
            if (drawdown > maxDrawdown)
            {
                maxDrawdown = drawdown;
            }

            if (drawdownFraction > maxDrawdownFraction)
            {
                maxDrawdownFraction = drawdownFraction;
            }

            if (i - peakBar > maxDrawdownBars)
            {
                maxDrawdownBars = i - peakBar;
            }

            if (writeDrawdown)
            {
                drawdownPct[i] = drawdownFraction * 100;
            }

            if (value < trough)
            {
                trough = value;
                inverseTrough = Inverse(trough);
            }

            var runup = value - trough;
            if (runup > maxRunup)
            {
                maxRunup = runup;
            }

            if (runup * inverseTrough > maxRunupFraction)
            {
                maxRunupFraction = runup * inverseTrough;
            }
        }

        var n = equity.Length;
        var mean = n > 0 ? sum / n : 0;
        var variance = n > 1 ? Math.Max(0, (sumSquares - sum * mean) / (n - 1)) : 0;
        return new EquityStatistics(
            mean,
            Math.Sqrt(variance),
            n > 0 ? Math.Sqrt(downside / n) : 0,
            maxDrawdown,
            maxDrawdownFraction,
            maxDrawdownBars,
            maxRunup,
            maxRunupFraction);
    }

    private static double Inverse(double value) => value > 0 ? 1 / value : 0;
}
