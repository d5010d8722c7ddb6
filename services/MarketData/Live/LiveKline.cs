using Platform.MarketData.Bybit;

namespace Platform.MarketData.Live;

/// <summary>
/// A kline as docs/api-behaviour.md, 4.2 shows it (open time in ms), plus <see cref="Closed"/>: false for the candle
/// still forming.
/// </summary>
internal sealed record LiveKline(long OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal Turnover, bool Closed)
{
    public static LiveKline From(BybitCandle candle) =>
        new(candle.OpenTime, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, candle.Turnover, candle.IsClosed);
}
