using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Platform.Engine.Metrics;

/// <summary>
/// Two passes over the equity curve: the per-bar returns' sums in vector steps, then drawdown and run-up, eight bars at a
/// time where no bar makes a new peak or trough.
/// </summary>
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
    public static EquityStatistics Compute(ReadOnlySpan<double> equity, double initialCapital, double riskFreePerBar)
    {
        var (sum, sumSquares, downside) = ReturnSums(equity, initialCapital, riskFreePerBar);
        var excursions = new Excursions(initialCapital);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(equity);
            for (; i <= equity.Length - 8; i += 8)
            {
                var (first, second) = (Vector256.LoadUnsafe(ref start, (nuint)i), Vector256.LoadUnsafe(ref start, (nuint)(i + 4)));
                var (highest, lowest) = (Largest(Vector256.Max(first, second)), Smallest(Vector256.Min(first, second)));
                if (!excursions.TryPassQuietBars(i + 7, highest, lowest))
                {
                    for (var k = i; k < i + 8; k++)
                    {
                        excursions.Add(k, equity[k]);
                    }
                }
            }
        }

        for (; i < equity.Length; i++)
        {
            excursions.Add(i, equity[i]);
        }

        var n = equity.Length;
        var mean = n > 0 ? sum / n : 0;
        var variance = n > 1 ? Math.Max(0, (sumSquares - sum * mean) / (n - 1)) : 0;
        return new EquityStatistics(
            mean,
            Math.Sqrt(variance),
            n > 0 ? Math.Sqrt(downside / n) : 0,
            excursions.MaxDrawdown,
            excursions.MaxDrawdownFraction,
            excursions.MaxDrawdownBars,
            excursions.MaxRunup,
            excursions.MaxRunupFraction);
    }

    /// <summary>
    /// The sums of the per-bar excess returns (a bar's equity over the previous one's, the initial capital before the first
    /// bar; 0 after equity reached 0), of their squares and of their negative parts' squares: four bars at a time, each
    /// lane summing every fourth bar, and the lanes added at the end.
    /// </summary>
    private static (double Sum, double Squares, double Downside) ReturnSums(ReadOnlySpan<double> equity, double initialCapital, double riskFreePerBar)
    {
        double sum = 0, squares = 0, downside = 0;
        if (equity.IsEmpty)
        {
            return (sum, squares, downside);
        }

        Add(Excess(equity[0], initialCapital, riskFreePerBar), ref sum, ref squares, ref downside);
        var i = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(equity);
            var (sums, squareSums, downsides) = (Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero);
            var (one, riskFree) = (Vector256.Create(1.0), Vector256.Create(riskFreePerBar));
            for (; i <= equity.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var previous = Vector256.LoadUnsafe(ref start, (nuint)(i - 1));
                var growth = Vector256.LoadUnsafe(ref start, (nuint)i) / previous - one;
                var excess = (Vector256.GreaterThan(previous, Vector256<double>.Zero) & growth) - riskFree;
                sums += excess;
                squareSums += excess * excess;
                var shortfall = Vector256.Min(excess, Vector256<double>.Zero);
                downsides += shortfall * shortfall;
            }

            sum += Vector256.Sum(sums);
            squares += Vector256.Sum(squareSums);
            downside += Vector256.Sum(downsides);
        }

        for (; i < equity.Length; i++)
        {
            Add(Excess(equity[i], equity[i - 1], riskFreePerBar), ref sum, ref squares, ref downside);
        }

        return (sum, squares, downside);
    }

    private static double Excess(double value, double previous, double riskFreePerBar) => (previous > 0 ? value / previous - 1 : 0) - riskFreePerBar;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(double excess, ref double sum, ref double squares, ref double downside)
    {
        sum += excess;
        squares += excess * excess;
        var shortfall = Math.Min(excess, 0);
        downside += shortfall * shortfall;
    }

    /// <summary>Each bar's drawdown from the running peak (the initial capital before the first bar), in percent, as <see cref="Compute"/> measures it.</summary>
    public static double[] DrawdownPct(ReadOnlySpan<double> equity, double initialCapital)
    {
        var drawdowns = GC.AllocateUninitializedArray<double>(equity.Length);
        var peak = initialCapital;
        var inversePeak = Inverse(peak);
        for (var i = 0; i < equity.Length; i++)
        {
            if (equity[i] >= peak)
            {
                peak = equity[i];
                inversePeak = Inverse(peak);
            }

            drawdowns[i] = (peak - equity[i]) * inversePeak * 100;
        }

        return drawdowns;
    }

    private static double Inverse(double value) => value > 0 ? 1 / value : 0;

    private static double Largest(Vector256<double> values)
    {
        var pair = Vector128.Max(values.GetLower(), values.GetUpper());
        return Math.Max(pair.GetElement(0), pair.GetElement(1));
    }

    private static double Smallest(Vector256<double> values)
    {
        var pair = Vector128.Min(values.GetLower(), values.GetUpper());
        return Math.Min(pair.GetElement(0), pair.GetElement(1));
    }

    /// <summary>
    /// The running peak and trough of a curve (the initial capital before the first bar) and the largest drawdown and
    /// run-up from them, in money and as fractions, with the longest time below a peak.
    /// </summary>
    private struct Excursions(double initialCapital)
    {
        private double peak = initialCapital;
        private double trough = initialCapital;
        private double inversePeak = Inverse(initialCapital);
        private double inverseTrough = Inverse(initialCapital);
        private int peakBar = -1;

        public double MaxDrawdown { get; private set; }

        public double MaxDrawdownFraction { get; private set; }

        public int MaxDrawdownBars { get; private set; }

        public double MaxRunup { get; private set; }

        public double MaxRunupFraction { get; private set; }

        /// <summary>
        /// Bar by bar, with plain comparisons, whose outcome is predictable (Math.Max/Min handle NaN and -0 and are slower);
        /// reciprocals change only when the peak or trough does. Equity is never NaN.
        /// </summary>
        public void Add(int bar, double value)
        {
            if (value >= peak)
            {
                peak = value;
                peakBar = bar;
                inversePeak = Inverse(peak);
            }

            if (value < trough)
            {
                trough = value;
                inverseTrough = Inverse(trough);
            }

            Take(bar, peak - value, value - trough);
        }

        /// <summary>
        /// Takes bars up to <paramref name="lastBar"/> from the highest and lowest of their values, when none of them makes a
        /// new peak or trough: drawdown and run-up only grow with the distance from the fixed peak and trough, and rounding
        /// keeps that order, so the largest of them are those of the lowest and the highest value, exactly.
        /// </summary>
        public bool TryPassQuietBars(int lastBar, double highest, double lowest)
        {
            if (highest == peak && lowest == peak)
            {
                // Flat at the peak (a strategy out of the market since its best close): each bar is the peak again.
                peakBar = lastBar;
            }
            else if (highest >= peak || lowest < trough)
            {
                return false;
            }

            Take(lastBar, peak - lowest, highest - trough);
            return true;
        }

        private void Take(int bar, double drawdown, double runup)
        {
            if (drawdown > MaxDrawdown)
            {
                MaxDrawdown = drawdown;
            }

            if (drawdown * inversePeak > MaxDrawdownFraction)
            {
                MaxDrawdownFraction = drawdown * inversePeak;
            }

            if (bar - peakBar > MaxDrawdownBars)
            {
                MaxDrawdownBars = bar - peakBar;
            }

            if (runup > MaxRunup)
            {
                MaxRunup = runup;
            }

            if (runup * inverseTrough > MaxRunupFraction)
            {
                MaxRunupFraction = runup * inverseTrough;
            }
        }
    }
}
