using System.Globalization;
using Platform.Engine.Data;

namespace Platform.MarketData.Markets;

/// <summary>
/// The friendly interval forms the original adapter accepted (docs/api-behaviour.md, 1.4): <c>15m</c> → <c>15</c>, <c>4h</c> → <c>240</c>,
/// <c>1d</c> → <c>D</c>, <c>1w</c> → <c>W</c>; unlike the original, <c>1M</c> is one month, not one minute.
/// </summary>
internal static class MarketInterval
{
    public static bool TryNormalize(string? value, out Interval interval)
    {
        interval = default;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        if (Interval.TryParse(text, out interval))
        {
            return true;
        }
        var unit = text[^1];
        var number = text[..^1];
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return false;
        }
        var code = unit switch
        {
            'm' => count.ToString(CultureInfo.InvariantCulture),
            'h' or 'H' => (count * 60).ToString(CultureInfo.InvariantCulture),
            'd' or 'D' when count == 1 => "D",
            'w' or 'W' when count == 1 => "W",
            'M' when count == 1 => "M",
            _ => null,
        };
        return Interval.TryParse(code, out interval);
    }

    /// <summary>A comma-separated list such as <c>1,15,60</c>; blank items are skipped, the first bad one is reported.</summary>
    public static bool TryParseList(string? value, out List<Interval> intervals, out string? invalid)
    {
        intervals = [];
        invalid = null;
        foreach (var item in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryNormalize(item, out var interval))
            {
                invalid = item;
                return false;
            }
            if (!intervals.Contains(interval))
            {
                intervals.Add(interval);
            }
        }
        return true;
    }
}
