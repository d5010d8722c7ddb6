using Platform.MarketData.Candles;

namespace Platform.MarketData.WorkingSets;

/// <summary>A working-set candle as the contract shows it (docs/api-behaviour.md, 4.5): open time in epoch seconds.</summary>
internal sealed record WorkingSetCandle(long Time, double Open, double High, double Low, double Close, double? Volume)
{
    public static WorkingSetCandle From(Candle candle) =>
        new(candle.OpenTime / 1000, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume);
}
