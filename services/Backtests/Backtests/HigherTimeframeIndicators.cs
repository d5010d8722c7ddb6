using System.Text.Json.Nodes;
using Platform.Engine.Data;
using Platform.Engine.Indicators;

namespace Platform.Backtests.Backtests;

/// <summary>
/// The <c>htf_indicators</c> of a multi-timeframe run (docs/api-behaviour.md, 2.7): per higher timeframe, EMA 50, EMA 200 and SMA 200
/// of its closed candles (plus RSI 14 for RSI strategies or filters naming rsi), NaN as null.
/// </summary>
internal static class HigherTimeframeIndicators
{
    public static JsonObject Compute(CandleSeries central, IReadOnlyList<Interval> higher, string strategyType, JsonArray? filters)
    {
        var withRsi = strategyType.Contains("rsi", StringComparison.OrdinalIgnoreCase)
                      || filters?.ToJsonString().Contains("rsi", StringComparison.OrdinalIgnoreCase) == true;
        var indicators = new JsonObject();
        foreach (var interval in higher)
        {
            var candles = Resampler.Resample(central, interval).Candles;
            var close = candles.Close;
            var entry = new JsonObject
            {
                ["timestamps"] = new JsonArray([.. candles.OpenTime.ToArray().Select(time => JsonValue.Create(DateTimeOffset.FromUnixTimeMilliseconds(time).ToString("O")))]),
                ["ema_50"] = Values(Ema.Compute(close, 50)),
                ["ema_200"] = Values(Ema.Compute(close, 200)),
                ["sma_200"] = Values(Sma.Compute(close, 200)),
            };
            if (withRsi)
            {
                entry["rsi"] = Values(Rsi.Compute(close, 14));
            }
            indicators[interval.Code] = entry;
        }
        return indicators;
    }

    private static JsonArray Values(double[] values) =>
        new([.. values.Select(value => double.IsFinite(value) ? JsonValue.Create(value) : null)]);
}
