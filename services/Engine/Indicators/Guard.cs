using System.Runtime.CompilerServices;

namespace Platform.Engine.Indicators;

/// <summary>A rolling-window indicator over a source without leading NaNs, writing every bar from <c>period - 1</c> on.</summary>
internal delegate void WindowKernel(ReadOnlySpan<double> source, int period, Span<double> destination);

internal static class Guard
{
    /// <summary>
    /// Runs <paramref name="kernel"/> on <paramref name="source"/> past its leading NaNs; those bars and the window's warm-up
    /// are NaN in <paramref name="destination"/>.
    /// </summary>
    public static void PastLeadingNaNs(ReadOnlySpan<double> source, int period, Span<double> destination, WindowKernel kernel)
    {
        Period(period);
        var first = FirstValid(source);
        destination[..Math.Min(source.Length, first + period - 1)].Fill(double.NaN);
        kernel(source[first..], period, destination[first..]);
    }

    /// <summary>The result of <paramref name="compute"/> in a new array.</summary>
    public static double[] Allocated(ReadOnlySpan<double> source, int period, WindowKernel compute)
    {
        var result = GC.AllocateUninitializedArray<double>(source.Length);
        compute(source, period, result);
        return result;
    }

    public static void Period(
        int period,
        int minimum = 1,
        [CallerArgumentExpression(nameof(period))] string? name = null
    ) => ArgumentOutOfRangeException.ThrowIfLessThan(period, minimum, name);

    /// <summary>Throws unless a series or destination has the length of the indicator's first input.</summary>
    public static void Length(
        int actual,
        int expected,
        [CallerArgumentExpression(nameof(actual))] string? name = null
    )
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                $"{name} is {actual}, expected {expected} like the first input.",
                name
            );
        }
    }

    /// <summary>Index of the first non-NaN value, or the length when there is none.</summary>
    public static int FirstValid(ReadOnlySpan<double> source)
    {
        var i = 0;
        while (i < source.Length && double.IsNaN(source[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Index of the first bar from which all three inputs are past their leading NaNs.</summary>
    public static int FirstValid(
        ReadOnlySpan<double> a,
        ReadOnlySpan<double> b,
        ReadOnlySpan<double> c
    ) => Math.Max(FirstValid(a), Math.Max(FirstValid(b), FirstValid(c)));
}
