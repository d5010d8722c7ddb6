using Platform.Engine.Data;
using Platform.MarketData.Bybit;
using Platform.MarketData.Markets;

namespace Platform.MarketData.WorkingSets;

/// <summary>Checks shared by the working-set endpoints; each adds its error to <c>errors</c> under the parameter's name.</summary>
internal static class WorkingSetInput
{
    public const int MinLoadLimit = 100;
    public const int MaxLoadLimit = BybitClient.PageLimit;
    public const int DefaultLoadLimit = 1000;

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
            errors[name] = [$"unknown interval '{value}'."];
        }
        return interval;
    }

    /// <summary>A comma list without duplicates; empty after trimming is an error, as in the contract (§7.5, §7.11).</summary>
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

    public static void LoadLimit(int value, Dictionary<string, string[]> errors)
    {
        if (value is < MinLoadLimit or > MaxLoadLimit)
        {
            errors["load_limit"] = [$"load_limit must be between {MinLoadLimit} and {MaxLoadLimit}."];
        }
    }
}
