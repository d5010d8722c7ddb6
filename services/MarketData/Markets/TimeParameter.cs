using System.Globalization;

namespace Platform.MarketData.Markets;

/// <summary>
/// A point in time given as epoch milliseconds or as ISO-8601 (without an offset it is UTC), from the Unix epoch to the last
/// millisecond of 9999 (docs/api-behaviour.md, 1.2): no market is older than the epoch, and the calendar that places a
/// time in its month ends with 9999.
/// </summary>
internal static class TimeParameter
{
    public const long MinMs = 0;

    /// <summary>9999-12-31T23:59:59.999Z.</summary>
    public const long MaxMs = 253_402_300_799_999;

    /// <summary>The accepted span, for error messages.</summary>
    public const string Span = "from 1970-01-01 to 9999-12-31 UTC";

    public static bool TryParse(string? value, out long milliseconds)
    {
        milliseconds = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds))
        {
            if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                return false;
            }
            milliseconds = time.ToUnixTimeMilliseconds();
        }
        return milliseconds is >= MinMs and <= MaxMs;
    }
}
