using System.Runtime.CompilerServices;

namespace Platform.Engine.Indicators;

internal static class Guard
{
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
