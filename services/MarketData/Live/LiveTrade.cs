using Platform.MarketData.Bybit;

namespace Platform.MarketData.Live;

/// <summary>
/// A public trade as docs/api-behaviour.md, 4.3 shows it: time in ms, size as <c>qty</c>, the taker side as <c>buy</c>
/// or <c>sell</c>.
/// </summary>
internal sealed record LiveTrade(long Time, decimal Price, decimal Qty, string Side)
{
    public static LiveTrade From(BybitTrade trade) => new(trade.Time, trade.Price, trade.Size, trade.Side.ToLowerInvariant());
}
