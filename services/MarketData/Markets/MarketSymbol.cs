namespace Platform.MarketData.Markets;

/// <summary>Bybit symbols are upper-case letters and digits (docs/bybit.md, 1.1); <c>btcusdt</c> becomes <c>BTCUSDT</c>.</summary>
internal static class MarketSymbol
{
    public const int MaxLength = 32;

    public static bool TryNormalize(string? value, out string symbol)
    {
        symbol = value?.Trim().ToUpperInvariant() ?? "";
        return symbol.Length is > 0 and <= MaxLength && symbol.All(char.IsAsciiLetterOrDigit);
    }
}
