using System.Text.Json;
using Platform.MarketData.WorkingSets;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.WorkingSets;

/// <summary>The fake market frozen at one instant, and the working sets it must produce, worked out from <see cref="FakeMarket"/>.</summary>
internal static class FakeWorkingSet
{
    /// <summary>Wednesday 2024-03-06 10:07:30 UTC: the 10:07 minute, the 10:00 quarter and hour are still open.</summary>
    public static readonly DateTimeOffset Now = new(2024, 3, 6, 10, 7, 30, TimeSpan.Zero);

    public const long Minute = 60_000;

    /// <summary>The service's JSON: snake_case.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The <paramref name="count"/> newest candles that have closed at <see cref="Now"/>, ascending, as the service shows them.</summary>
    public static WorkingSetCandle[] NewestClosed(string symbol, long intervalMs, int count)
    {
        var now = Now.ToUnixTimeMilliseconds();
        var open = now - now % intervalMs;
        return [.. Enumerable.Range(1, count).Reverse().Select(back => ToWorkingSet(FakeMarket.Candle(symbol, open - back * intervalMs)))];
    }

    public static WorkingSetCandle ToWorkingSet(FakeCandle candle) =>
        new(candle.OpenTime / 1000, (double)candle.Open, (double)candle.High, (double)candle.Low, (double)candle.Close, (double)candle.Volume);
}
