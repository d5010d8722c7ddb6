using System.Globalization;

namespace Platform.MarketData.Markets;

/// <summary>A point in time given as epoch milliseconds or as ISO-8601 (without an offset it is UTC).</summary>
internal static class TimeParameter
{
    public static bool TryParse(string? value, out long milliseconds)
    {
        milliseconds = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds))
        {
            return true;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            milliseconds = time.ToUnixTimeMilliseconds();
            return true;
        }
        return false;
    }
}
