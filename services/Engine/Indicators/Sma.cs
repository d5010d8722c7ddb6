using System.Runtime.Intrinsics;

namespace Platform.Engine.Indicators;

/// <summary>Simple moving average by a rolling sum: O(1) per bar. Bars before the window fills are NaN.</summary>
public static class Sma
{
    /// <summary>Leading NaN bars of the result for a source without NaNs; a source's own leading NaNs add to it.</summary>
    public static int WarmUp(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        Guard.Period(period);
        var first = Guard.FirstValid(source);
        var full = Math.Min(source.Length, first + period - 1);
        destination[..full].Fill(double.NaN);
        var sum = 0.0;
        foreach (var value in source[first..full])
        {
            sum += value;
        }

        var firstAverage = Math.Max(first, full);
        if (firstAverage >= source.Length)
        {
            return;
        }

        sum += source[firstAverage];
        destination[firstAverage] = sum / period;
        if (firstAverage + 1 >= source.Length)
        {
            return;
        }

        // Two running sums, of the windows ending 2k (even) and 2k + 1 (odd) bars after the first average, each moved two bars
        // at a time by the two values that enter and the two that leave: one addition per bar on each sum's chain, and the
        // two chains run side by side.
        var even = sum;
        var odd = sum + (source[firstAverage + 1] - source[firstAverage + 1 - period]);
        destination[firstAverage + 1] = odd;
        var i = firstAverage + 2;
        for (; i + 1 < source.Length; i += 2)
        {
            even += (source[i] + source[i - 1]) - (source[i - period] + source[i - period - 1]);
            destination[i] = even;
            odd += (source[i + 1] + source[i]) - (source[i + 1 - period] + source[i - period]);
            destination[i + 1] = odd;
        }

        if (i < source.Length)
        {
            even += (source[i] + source[i - 1]) - (source[i - period] + source[i - period - 1]);
            destination[i] = even;
        }

        DivideInPlace(destination[(firstAverage + 1)..], period);
    }

    /// <summary>
    /// The sums become averages four at a time where the machine has 256-bit vectors: division is the slowest step of
    /// the loop above, and each lane's quotient is the one scalar division would give.
    /// </summary>
    private static void DivideInPlace(Span<double> sums, int period)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var divisor = Vector256.Create((double)period);
            for (; i <= sums.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                (Vector256.Create(sums[i..]) / divisor).CopyTo(sums[i..]);
            }
        }

        for (; i < sums.Length; i++)
        {
            sums[i] /= period;
        }
    }

    public static double[] Compute(ReadOnlySpan<double> source, int period)
    {
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        Compute(source, period, result);
        return result;
    }
}
