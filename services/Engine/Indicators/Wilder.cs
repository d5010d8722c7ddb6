namespace Platform.Engine.Indicators;

/// <summary>
/// Wilder's smoothing (New Concepts in Technical Trading Systems, 1978), shared by RSI, ATR and
/// ADX: an average seeded with the plain mean of its first <c>period</c> values, then moved by
/// (previous × (period − 1) + current) / period.
/// </summary>
internal static class Wilder
{
    public static double Smooth(double average, double value, int period) =>
        (average * (period - 1) + value) / period;
}
