using System.Globalization;
using System.Text.Json;

namespace Platform.Backtests.Reports;

/// <summary>
/// Reads fields of a result document leniently: the first of several spellings that is present and not null, numbers
/// also as numeric strings, times as ISO-8601 strings or epoch seconds/milliseconds. A value of the wrong kind throws
/// <see cref="ReportDataException"/> naming the item (<paramref name="what"/> and its 1-based position).
/// </summary>
internal static class JsonFields
{
    // Below this magnitude an epoch number is taken as seconds (1e11 s is the year 5138; 1e11 ms is 1973).
    private const double MillisecondsThreshold = 1e11;
    private static readonly long MinEpochMs = new DateTimeOffset(DateTime.MinValue, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly long MaxEpochMs = new DateTimeOffset(DateTime.MaxValue, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static bool TryFind(JsonElement item, out string name, out JsonElement value, params ReadOnlySpan<string> names)
    {
        foreach (var candidate in names)
        {
            if (item.TryGetProperty(candidate, out value) && value.ValueKind != JsonValueKind.Null)
            {
                name = candidate;
                return true;
            }
        }

        name = "";
        value = default;
        return false;
    }

    public static double? Number(JsonElement item, string what, int index, params ReadOnlySpan<string> names)
    {
        if (!TryFind(item, out var name, out var value, names))
        {
            return null;
        }

        return TryNumber(value, out var number) ? number : throw Invalid(what, index, name, value, "a finite number");
    }

    /// <summary>A finite number, or a string holding one.</summary>
    public static bool TryNumber(JsonElement value, out double number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                && double.IsFinite(number),
            _ => false,
        };
    }

    public static string? Text(JsonElement item, params ReadOnlySpan<string> names) =>
        !TryFind(item, out _, out var value, names) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.GetRawText();

    /// <summary>UTC epoch milliseconds of a time field, or null when the field is absent.</summary>
    public static long? EpochMs(JsonElement item, string what, int index, params ReadOnlySpan<string> names)
    {
        if (!TryFind(item, out var name, out var value, names))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && FromEpoch(number) is { } fromNumber)
        {
            return fromNumber;
        }

        if (value.ValueKind == JsonValueKind.String && (FromIso(value) ?? ParseTime(value.GetString()!)) is { } fromText)
        {
            return fromText;
        }

        throw Invalid(what, index, name, value, "an ISO-8601 time or an epoch number");
    }

    public static DateTime? Time(JsonElement item, string what, int index, params ReadOnlySpan<string> names) =>
        EpochMs(item, what, index, names) is { } ms ? DateTime.UnixEpoch.AddMilliseconds(ms) : null;

    // The fast path for ISO-8601 text, read straight from the UTF-8 bytes. System.Text.Json takes a time without an
    // offset as local time; the original's naive times are UTC, so the clock time is kept and read as UTC.
    private static long? FromIso(JsonElement value)
    {
        if (!value.TryGetDateTimeOffset(out var time))
        {
            return null;
        }

        var text = value.GetString()!;
        var hasOffset = text.EndsWith('Z') || (text.Length > 19 && text.AsSpan(19).IndexOfAny('+', '-') >= 0);
        return (hasOffset ? time : new DateTimeOffset(time.DateTime, TimeSpan.Zero)).ToUnixTimeMilliseconds();
    }

    private static long? ParseTime(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FromEpoch(number);
        }

        return DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out var time) ? time.ToUnixTimeMilliseconds() : null;
    }

    private static long? FromEpoch(double number)
    {
        var ms = Math.Abs(number) >= MillisecondsThreshold ? number : number * 1000;
        return double.IsFinite(ms) && ms >= MinEpochMs && ms <= MaxEpochMs ? (long)Math.Round(ms) : null;
    }

    private static ReportDataException Invalid(string what, int index, string name, JsonElement value, string expected)
    {
        var raw = value.GetRawText();
        var shown = raw.Length > 40 ? raw[..40] + "…" : raw;
        return new ReportDataException($"{what} {index + 1}: '{name}' must be {expected}, not {shown}");
    }
}
