namespace Platform.MarketData.Candles;

/// <summary>One candle as stored: open time in UTC milliseconds, prices as the exchange sent them.</summary>
internal readonly record struct Candle(long OpenTime, double Open, double High, double Low, double Close, double Volume, double? Turnover);
