using Platform.MarketData.Candles;

namespace Platform.MarketData.Bybit;

internal sealed record BybitCandle(long OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal Turnover, bool IsClosed)
{
    public Candle ToCandle() => new(OpenTime, (double)Open, (double)High, (double)Low, (double)Close, (double)Volume, (double)Turnover);
}

/// <summary>A kline answer: candles ascending and the exchange clock (envelope <c>time</c>) they were judged against.</summary>
internal sealed record KlineBatch(IReadOnlyList<BybitCandle> Candles, long ServerTime);

internal sealed record BybitTrade(string ExecId, long Time, decimal Price, decimal Size, string Side);
