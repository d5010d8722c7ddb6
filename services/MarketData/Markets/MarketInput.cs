using Platform.Engine.Data;

namespace Platform.MarketData.Markets;

/// <summary>Checks of the symbol and interval parameters every endpoint takes; each adds its error under the parameter's name.</summary>
internal static class MarketInput
{
    public static string Symbol(string? value, Dictionary<string, string[]> errors)
    {
        if (!MarketSymbol.TryNormalize(value, out var symbol))
        {
            errors["symbol"] = [string.IsNullOrWhiteSpace(value)
                ? "symbol is required."
                : $"symbol must be 1 to {MarketSymbol.MaxLength} letters or digits."];
        }
        return symbol;
    }

    public static Interval Interval(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (!MarketInterval.TryNormalize(value, out var interval))
        {
            errors[name] = [$"unknown interval '{value}'; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M (or 15m, 4h, 1d, 1w, 1M)."];
        }
        return interval;
    }

    /// <summary>
    /// A comma list without duplicates; empty after trimming is an error, as in the contract (docs/api-behaviour.md,
    /// 4.6, 4.12, 4.13).
    /// </summary>
    public static List<Interval> Intervals(string? value, Dictionary<string, string[]> errors)
    {
        if (!MarketInterval.TryParseList(value, out var intervals, out var invalid))
        {
            errors["intervals"] = [$"unknown interval '{invalid}'."];
        }
        else if (intervals.Count == 0)
        {
            errors["intervals"] = ["intervals is empty"];
        }
        return intervals;
    }
}
