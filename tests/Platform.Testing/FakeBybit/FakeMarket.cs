namespace Platform.Testing.FakeBybit;

/// <summary>
/// The fake's market: every value is a pure function of the symbol and a time, so tests compute what Bybit "sent" for any
/// symbol, interval and range without storing anything.
/// </summary>
public static class FakeMarket
{
    /// <summary>Time between two trade slots of <see cref="Trades"/>; each slot holds two trades with the same time.</summary>
    public const long TradeSpacing = 500;

    /// <summary>
    /// The candle of <paramref name="symbol"/> opening at <paramref name="openTime"/>: prices within ±2.5 % of a level fixed
    /// per symbol, high ≥ max(open, close), low ≤ min(open, close), turnover = volume × close.
    /// </summary>
    public static FakeCandle Candle(string symbol, long openTime)
    {
        var seed = Hash(symbol);
        var level = 100 + (long)(seed % 5_000_000);
        var open = Around(level, Mix(seed, openTime, 1));
        var close = Around(level, Mix(seed, openTime, 2));
        var wick = (ulong)(level / 100 + 1);
        var high = Math.Max(open, close) + (long)(Mix(seed, openTime, 3) % wick);
        var low = Math.Max(1, Math.Min(open, close) - (long)(Mix(seed, openTime, 4) % wick));
        var volume = (Mix(seed, openTime, 5) % 10_000_000) / 1000m;
        var closePrice = close / 100m;
        return new FakeCandle(openTime, open / 100m, high / 100m, low / 100m, closePrice, volume, decimal.Round(volume * closePrice, 4));
    }

    /// <summary>The newest <paramref name="count"/> trades at <paramref name="now"/> (ms), newest first as Bybit lists them.</summary>
    public static IReadOnlyList<FakeTrade> Trades(string symbol, long now, int count)
    {
        var seed = Hash(symbol);
        var newest = now - now % TradeSpacing;
        var trades = new FakeTrade[count];
        for (var index = 0; index < count; index++)
        {
            var time = newest - index / 2 * TradeSpacing;
            var salt = 10 + (ulong)(index % 2);
            var price = Candle(symbol, time - time % 60_000).Close;
            trades[index] = new FakeTrade(
                Guid.ParseExact($"{Mix(seed, time, salt):x16}{Mix(seed, time, salt + 2):x16}", "N").ToString(),
                time,
                price,
                (Mix(seed, time, salt + 4) % 100_000 + 1) / 1000m,
                Mix(seed, time, salt + 6) % 2 == 0 ? "Buy" : "Sell");
        }
        return trades;
    }

    private static long Around(long level, ulong noise) => level - level / 40 + (long)(noise % (ulong)(level / 20 + 1));

    // FNV-1a over the symbol's characters: stable across processes, unlike string.GetHashCode.
    private static ulong Hash(string symbol)
    {
        var hash = 14695981039346656037UL;
        foreach (var character in symbol)
        {
            hash = (hash ^ character) * 1099511628211UL;
        }
        return hash;
    }

    // SplitMix64 finalizer over the seed, the time and a salt per field.
    private static ulong Mix(ulong seed, long time, ulong salt)
    {
        var value = seed ^ ((ulong)time * 0x9E3779B97F4A7C15UL) ^ (salt * 0xD1B54A32D192ED03UL);
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
