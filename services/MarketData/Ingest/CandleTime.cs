using System.Runtime.CompilerServices;
using System.Globalization;

namespace Platform.MarketData.Ingest;

/// <summary>Open times as uploads write them (docs/bybit.md, 5.1): epoch numbers whose digit count gives the unit, or ISO-8601 text.</summary>
internal static class CandleTime
{
    /// <summary>Parses <paramref name="text"/> to UTC milliseconds; parts finer than a millisecond are dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out long milliseconds)
    {
        text = text.Trim();
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty || whole.ContainsAnyExceptInRange('0', '9') || fraction.ContainsAnyExceptInRange('0', '9'))
        {
            return TryParseText(text, out milliseconds);
        }

        milliseconds = 0;
        if (!long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        // 10 digits are seconds, 13 milliseconds, 16 microseconds (Binance spot since 2025); a fraction of a
        // 10-digit value is the "float seconds" of the Bybit trade archives.
        switch (whole.Length)
        {
            case 10:
                milliseconds = value * 1_000 + FractionMilliseconds(fraction);
                return true;
            case 13:
                milliseconds = value;
                return true;
            case 16:
                milliseconds = value / 1_000;
                return true;
            default:
                return false;
        }
    }

    private static bool TryParseText(ReadOnlySpan<char> text, out long milliseconds)
    {
        // A time without an offset (pandas' naive dates) is taken as UTC; one with an offset is converted.
        var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time);
        milliseconds = parsed ? time.ToUnixTimeMilliseconds() : 0;
        return parsed;
    }

    private static int FractionMilliseconds(ReadOnlySpan<char> fraction)
    {
        var milliseconds = 0;
        for (var i = 0; i < 3; i++)
        {
            milliseconds = milliseconds * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        return milliseconds;
    }
}
