namespace Platform.Testing.FakeBybit;

/// <summary>A candle the fake serves; <see cref="FakeMarket.Candle"/> gives the same values for the same symbol and open time.</summary>
public sealed record FakeCandle(long OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal Turnover);
