namespace Platform.Engine.Strategies;

/// <summary>Cross detection shared by the built-in strategies. NaN (warm-up) never crosses.</summary>
internal static class Crossings
{
    /// <summary>Writes <paramref name="up"/> where a crosses above b and <paramref name="down"/> where it crosses below.</summary>
    public static void Write(ReadOnlySpan<double> a, ReadOnlySpan<double> b, byte up, byte down, Span<byte> signals)
    {
        signals.Clear();
        for (var i = 1; i < signals.Length; i++)
        {
            if (a[i] > b[i] && a[i - 1] <= b[i - 1])
            {
                signals[i] = up;
            }
            else if (a[i] < b[i] && a[i - 1] >= b[i - 1])
            {
                signals[i] = down;
            }
        }
    }

    /// <summary>Adds <paramref name="bits"/> where a crosses above b (a[i] &gt; b[i] after a[i-1] &lt;= b[i-1]).</summary>
    public static void AddCrossAbove(ReadOnlySpan<double> a, ReadOnlySpan<double> b, byte bits, Span<byte> signals)
    {
        for (var i = 1; i < signals.Length; i++)
        {
            if (a[i] > b[i] && a[i - 1] <= b[i - 1])
            {
                signals[i] |= bits;
            }
        }
    }

    /// <summary>Adds <paramref name="bits"/> where a crosses below b.</summary>
    public static void AddCrossBelow(ReadOnlySpan<double> a, ReadOnlySpan<double> b, byte bits, Span<byte> signals)
    {
        for (var i = 1; i < signals.Length; i++)
        {
            if (a[i] < b[i] && a[i - 1] >= b[i - 1])
            {
                signals[i] |= bits;
            }
        }
    }
}
