using Platform.Engine.Data;

namespace Platform.Engine.Rules;

/// <summary>The candle fields a rule can read directly, and the usual averages of them.</summary>
internal static class PriceFields
{
    public static IReadOnlyList<string> Names { get; } = ["open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"];

    public static bool IsField(string name) => Names.Contains(name);

    public static double[] Compute(CandleSeries candles, string field) => field switch
    {
        "open" => candles.OpenArray,
        "high" => candles.HighArray,
        "low" => candles.LowArray,
        "close" => candles.CloseArray,
        "volume" => candles.VolumeArray,
        "hl2" => Average(candles, static (o, h, l, c) => (h + l) / 2),
        "hlc3" => Average(candles, static (o, h, l, c) => (h + l + c) / 3),
        "ohlc4" => Average(candles, static (o, h, l, c) => (o + h + l + c) / 4),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a price field"),
    };

    private static double[] Average(CandleSeries candles, Func<double, double, double, double, double> combine)
    {
        var (open, high, low, close) = (candles.OpenArray, candles.HighArray, candles.LowArray, candles.CloseArray);
        var result = GC.AllocateUninitializedArray<double>(candles.Count);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = combine(open[i], high[i], low[i], close[i]);
        }
        return result;
    }
}
