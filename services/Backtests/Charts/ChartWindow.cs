using System.Globalization;

namespace Platform.Backtests.Charts;

/// <summary>
/// The zoom of the trades chart: <c>start</c> (inclusive) and <c>end</c> (exclusive) as epoch milliseconds or ISO-8601
/// (no offset means UTC, docs/api-behaviour.md, 1.2), each optional, clipped to the backtest's own range.
/// </summary>
internal sealed record ChartWindow(long? Start, long? End)
{
    /// <summary>9999-12-31T23:59:59.999Z, the last time the query parameters take (docs/api-behaviour.md, 1.2).</summary>
    public const long MaxMs = 253_402_300_799_999;

    /// <summary>The window, or null with the errors keyed by parameter.</summary>
    public static ChartWindow? Parse(string? start, string? end, Dictionary<string, string[]> errors)
    {
        var from = Time("start", start, errors);
        var to = Time("end", end, errors);
        if (errors.Count == 0 && from >= to)
        {
            errors["end"] = ["end must be after start."];
        }
        return errors.Count == 0 ? new ChartWindow(from, to) : null;
    }

    /// <summary>The part of [<paramref name="runStart"/>, <paramref name="runEnd"/>) inside this window; null when none is.</summary>
    public (long Start, long End)? Within(long runStart, long runEnd)
    {
        var (from, to) = (Math.Max(Start ?? runStart, runStart), Math.Min(End ?? runEnd, runEnd));
        return from < to ? (from, to) : null;
    }

    private static long? Time(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= MaxMs)
        {
            return ms;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && time.ToUnixTimeMilliseconds() >= 0)
        {
            return time.ToUnixTimeMilliseconds();
        }
        errors[name] = [$"{name} must be epoch milliseconds or ISO-8601, from 1970-01-01 to 9999-12-31 UTC."];
        return null;
    }
}
