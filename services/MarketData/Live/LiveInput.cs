using Platform.Engine.Data;
using Platform.MarketData.Bybit;
using Platform.MarketData.Markets;

namespace Platform.MarketData.Live;

/// <summary>Checks shared by the live endpoints; each adds its error to <c>errors</c> under the parameter's name.</summary>
internal static class LiveInput
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

    public static Interval Interval(string? value, Dictionary<string, string[]> errors)
    {
        if (!MarketInterval.TryNormalize(value, out var interval))
        {
            errors["interval"] = [$"unknown interval '{value}'; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M."];
        }
        return interval;
    }

    /// <summary>Bybit returns at most 1000 candles or trades per request (spec/bybit-v5.md §1).</summary>
    public static void Limit(int value, Dictionary<string, string[]> errors)
    {
        if (value is < 1 or > BybitClient.PageLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {BybitClient.PageLimit}."];
        }
    }
}
