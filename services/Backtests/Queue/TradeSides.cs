using Platform.Engine.Backtesting;

namespace Platform.Backtests.Queue;

/// <summary>
/// A trade's side as the edges spell it; inside the service it is a <see cref="TradeSide"/>. The <c>trades.side</c> column
/// holds LONG or SHORT, as the original's workers wrote it; result documents, reports and charts say long or short
/// (docs/api-behaviour.md, 1.6); the trades API and the list-of-trades export say buy or sell, the order that opened the
/// trade (2.10, 2.11).
/// </summary>
internal static class TradeSides
{
    /// <summary>
    /// long or buy, short or sell, in any case (so LONG and SHORT too), as workers submit them and the trades API's
    /// <c>side</c> query takes them; null for anything else.
    /// </summary>
    public static TradeSide? Parse(string? text) => text?.ToLowerInvariant() switch
    {
        "long" or "buy" => TradeSide.Long,
        "short" or "sell" => TradeSide.Short,
        _ => null,
    };

    /// <summary>A <c>trades.side</c> value, which the table's check constraint keeps to LONG or SHORT.</summary>
    /// <exception cref="InvalidDataException">Any other value.</exception>
    public static TradeSide FromColumn(string stored) => stored switch
    {
        "LONG" => TradeSide.Long,
        "SHORT" => TradeSide.Short,
        _ => throw new InvalidDataException($"trades.side holds '{stored}', not LONG or SHORT."),
    };

    /// <summary>The <c>trades.side</c> column: LONG or SHORT.</summary>
    public static string Column(TradeSide side) => side == TradeSide.Long ? "LONG" : "SHORT";

    /// <summary>Result documents, reports and charts: long or short.</summary>
    public static string Name(TradeSide side) => side == TradeSide.Long ? "long" : "short";

    /// <summary>The trades API and the list-of-trades export: buy or sell.</summary>
    public static string Order(TradeSide side) => side == TradeSide.Long ? "buy" : "sell";
}
