namespace Platform.Engine.Tests.Indicators;

/// <summary>Textbook O(n·period) recomputations, independent of the engine's rolling implementations.</summary>
internal static class Naive
{
    public static double[] Sma(double[] x, int period) =>
        [
            .. x.Select(
                (_, i) =>
                    i < period - 1 ? double.NaN : x.Skip(i - period + 1).Take(period).Average()
            ),
        ];

    public static double[] StdDev(double[] x, int period) =>
        [
            .. x.Select(
                (_, i) =>
                {
                    if (i < period - 1)
                    {
                        return double.NaN;
                    }

                    var window = x.Skip(i - period + 1).Take(period).ToArray();
                    var mean = window.Average();
                    return Math.Sqrt(window.Sum(v => (v - mean) * (v - mean)) / period);
                }
            ),
        ];

    public static double[] Highest(double[] x, int period) => Extreme(x, period, Enumerable.Max);

    public static double[] Lowest(double[] x, int period) => Extreme(x, period, Enumerable.Min);

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
            result[i] =
                averageLoss == 0
                    ? (averageGain == 0 ? 50 : 100)
                    : 100 - 100 / (1 + averageGain / averageLoss);
            if (i == changes.Length)
            {
                return result;
            }

            averageGain = (averageGain * (period - 1) + Math.Max(changes[i], 0)) / period;
            averageLoss = (averageLoss * (period - 1) + Math.Max(-changes[i], 0)) / period;
        }
    }

    /// <summary>Σ w·x over the window with weights 1 … period from the oldest bar, over Σ w.</summary>
    public static double[] Wma(double[] x, int period) =>
        [
            .. x.Select(
                (_, i) =>
                    i < period - 1
                        ? double.NaN
                        : Enumerable.Range(1, period).Sum(w => w * x[i - period + w])
                            / Enumerable.Range(1, period).Sum()
            ),
        ];

    public static double[] RateOfChange(double[] x, int period) =>
        [
            .. x.Select(
                (v, i) => i < period ? double.NaN : (v - x[i - period]) / x[i - period] * 100
            ),
        ];

    public static double[] ZScore(double[] x, int period) =>
        [
            .. x.Select(
                (v, i) =>
                {
                    if (i < period - 1)
                    {
                        return double.NaN;
                    }

                    var (mean, deviation) = MeanAndDeviation(x, i, period);
                    return deviation == 0 ? double.NaN : (v - mean) / deviation;
                }
            ),
        ];

    /// <summary>Middle, upper, lower and %b at every bar, from the window's mean and population deviation.</summary>
    public static (double[] Middle, double[] Upper, double[] Lower, double[] PercentB) Bollinger(
        double[] x,
        int period,
        double k
    )
    {
        var bands = x.Select(
                (v, i) =>
                {
                    if (i < period - 1)
                    {
                        return (double.NaN, double.NaN, double.NaN, double.NaN);
                    }

                    var (mean, deviation) = MeanAndDeviation(x, i, period);
                    var (upper, lower) = (mean + k * deviation, mean - k * deviation);
                    return (
                        mean,
                        upper,
                        lower,
                        upper == lower ? double.NaN : (v - lower) / (upper - lower)
                    );
                }
            )
            .ToArray();
        return (
            [.. bands.Select(b => b.Item1)],
            [.. bands.Select(b => b.Item2)],
            [.. bands.Select(b => b.Item3)],
            [.. bands.Select(b => b.Item4)]
        );
    }

    /// <summary>True range; the first bar, without a previous close, has high − low.</summary>
    public static double[] TrueRange(double[] high, double[] low, double[] close) =>
        [
            .. high.Select(
                (h, i) =>
                    i == 0
                        ? h - low[0]
                        : new[]
                        {
                            h - low[i],
                            Math.Abs(h - close[i - 1]),
                            Math.Abs(low[i] - close[i - 1]),
                        }.Max()
            ),
        ];

    /// <summary>Wilder's ATR as he wrote it: the first is the mean of n true ranges, then ATR += (TR − ATR) / n.</summary>
    public static double[] Atr(double[] high, double[] low, double[] close, int period)
    {
        var result = Enumerable.Repeat(double.NaN, high.Length).ToArray();
        var trueRange = TrueRange(high, low, close);
        if (high.Length < period)
        {
            return result;
        }

        result[period - 1] = trueRange.Take(period).Average();
        for (var i = period; i < high.Length; i++)
        {
            result[i] = result[i - 1] + (trueRange[i] - result[i - 1]) / period;
        }

        return result;
    }

    /// <summary>
    /// Wilder's worksheet: running totals TRn, +DMn, −DMn start as sums of the first n movements
    /// and then lose 1/n of themselves and gain the new value; ADX starts as the mean of n DX.
    /// </summary>
    public static (double[] PlusDi, double[] MinusDi, double[] Adx) Adx(
        double[] high,
        double[] low,
        double[] close,
        int period
    )
    {
        var length = high.Length;
        double[] plusDi = [.. Enumerable.Repeat(double.NaN, length)],
            minusDi = [.. plusDi],
            adx = [.. plusDi],
            dx = [.. plusDi];
        double[] trueRange = TrueRange(high, low, close),
            plusMove = new double[length],
            minusMove = new double[length];
        for (var i = 1; i < length; i++)
        {
            var up = high[i] - high[i - 1];
            var down = low[i - 1] - low[i];
            plusMove[i] = up > down && up > 0 ? up : 0;
            minusMove[i] = down > up && down > 0 ? down : 0;
        }

        double rangeTotal = 0,
            plusTotal = 0,
            minusTotal = 0;
        for (var i = period; i < length; i++)
        {
            if (i == period)
            {
                rangeTotal = trueRange[1..(period + 1)].Sum();
                plusTotal = plusMove[1..(period + 1)].Sum();
                minusTotal = minusMove[1..(period + 1)].Sum();
            }
            else
            {
                rangeTotal = rangeTotal - rangeTotal / period + trueRange[i];
                plusTotal = plusTotal - plusTotal / period + plusMove[i];
                minusTotal = minusTotal - minusTotal / period + minusMove[i];
            }

            plusDi[i] = rangeTotal == 0 ? 0 : 100 * plusTotal / rangeTotal;
            minusDi[i] = rangeTotal == 0 ? 0 : 100 * minusTotal / rangeTotal;
            var sum = plusDi[i] + minusDi[i];
            dx[i] = sum == 0 ? 0 : 100 * Math.Abs(plusDi[i] - minusDi[i]) / sum;
            if (i == 2 * period - 1)
            {
                adx[i] = dx[period..(2 * period)].Average();
            }
            else if (i > 2 * period - 1)
            {
                adx[i] = (adx[i - 1] * (period - 1) + dx[i]) / period;
            }
        }

        return (plusDi, minusDi, adx);
    }

    /// <summary>Raw %K from each window's extremes (50 on a flat window), %K its SMA, %D the SMA of %K.</summary>
    public static (double[] K, double[] D) Stochastic(
        double[] high,
        double[] low,
        double[] close,
        int period,
        int smooth,
        int signal
    )
    {
        var highest = Highest(high, period);
        var lowest = Lowest(low, period);
        double[] raw =
        [
            .. close.Select(
                (c, i) =>
                    highest[i] == lowest[i] ? 50 : 100 * (c - lowest[i]) / (highest[i] - lowest[i])
            ),
        ];
        var k = Sma(raw, smooth);
        return (k, Sma(k, signal));
    }

    /// <summary>For each bar, Σ hlc3 × volume / Σ volume over the bars since the start of its UTC date.</summary>
    public static double[] Vwap(
        long[] openTime,
        double[] high,
        double[] low,
        double[] close,
        double[] volume
    ) =>
        [
            .. openTime.Select(
                (t, i) =>
                {
                    var date = DateTimeOffset.FromUnixTimeMilliseconds(t).UtcDateTime.Date;
                    var start = i;
                    while (
                        start > 0
                        && DateTimeOffset
                            .FromUnixTimeMilliseconds(openTime[start - 1])
                            .UtcDateTime.Date == date
                    )
                    {
                        start--;
                    }

                    var bars = Enumerable.Range(start, i - start + 1).ToArray();
                    var typical = bars.Select(j => (high[j] + low[j] + close[j]) / 3).ToArray();
                    var totalVolume = bars.Sum(j => volume[j]);
                    return totalVolume == 0
                        ? typical[^1]
                        : bars.Select((j, n) => typical[n] * volume[j]).Sum() / totalVolume;
                }
            ),
        ];

    /// <summary>The window's extreme, NaN while the window holds a NaN (LINQ's Max would pass over it).</summary>
    private static double[] Extreme(
        double[] x,
        int period,
        Func<IEnumerable<double>, double> extreme
    ) =>
        [
            .. x.Select(
                (_, i) =>
                {
                    var window = x.Skip(i - period + 1).Take(period).ToArray();
                    return i < period - 1 || window.Any(double.IsNaN)
                        ? double.NaN
                        : extreme(window);
                }
            ),
        ];

    private static (double Mean, double Deviation) MeanAndDeviation(double[] x, int end, int period)
    {
        var window = x.Skip(end - period + 1).Take(period).ToArray();
        var mean = window.Average();
        return (mean, Math.Sqrt(window.Sum(v => (v - mean) * (v - mean)) / period));
    }
}
