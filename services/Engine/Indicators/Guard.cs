namespace Platform.Engine.Indicators;

internal static class Guard
{
    public static void Period(int period) => ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);

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
}
