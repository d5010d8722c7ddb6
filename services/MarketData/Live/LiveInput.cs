using Platform.MarketData.Bybit;

namespace Platform.MarketData.Live;

/// <summary>The limit check of the live endpoints; symbol and interval go through <see cref="Markets.MarketInput"/>.</summary>
internal static class LiveInput
{
    /// <summary>Bybit returns at most 1000 candles or trades per request (docs/bybit.md, 2.1 and 2.2).</summary>
    public static void Limit(int value, Dictionary<string, string[]> errors)
    {
        if (value is < 1 or > BybitClient.PageLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {BybitClient.PageLimit}."];
        }
    }
}
