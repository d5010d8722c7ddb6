using Platform.MarketData.Bybit;

namespace Platform.MarketData.WorkingSets;

/// <summary>The load limit of the working-set endpoints; symbol and intervals go through <see cref="Markets.MarketInput"/>.</summary>
internal static class WorkingSetInput
{
    public const int MinLoadLimit = 100;
    public const int MaxLoadLimit = BybitClient.PageLimit;
    public const int DefaultLoadLimit = 1000;

    public static void LoadLimit(int value, Dictionary<string, string[]> errors)
    {
        if (value is < MinLoadLimit or > MaxLoadLimit)
        {
            errors["load_limit"] = [$"load_limit must be between {MinLoadLimit} and {MaxLoadLimit}."];
        }
    }
}
