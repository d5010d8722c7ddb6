using System.Text.Json;
using Platform.Engine.Data;
using Platform.MarketData.Candles;
using StackExchange.Redis;

namespace Platform.MarketData.WorkingSets;

/// <summary>
/// Working sets (the newest ≤ 500 closed candles of a symbol and interval, ascending, one per open time) kept in Redis so
/// every replica shares them and a restart keeps them. Each (symbol, interval) is one hash: the candles as one JSON array
/// and the time they were loaded, written by a single <c>HSET</c> so a reader never sees half a replacement.
/// Symbols are expected as <see cref="Markets.MarketSymbol"/> normalizes them.
/// </summary>
internal sealed class WorkingSetStore(IDatabase redis, TimeProvider time)
{
    public const int MaxCandles = 500;

    private static readonly RedisValue CandlesField = "candles";
    private static readonly RedisValue LoadedAtField = "loaded_at";

    public async Task<IReadOnlyList<WorkingSetCandle>> GetAsync(string symbol, Interval interval, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var payload = await redis.HashGetAsync(Key(symbol, interval), CandlesField);
        return payload.IsNullOrEmpty
            ? []
            : JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)payload).Span, WorkingSetJsonContext.Default.WorkingSetCandleArray) ?? [];
    }

    /// <summary>Replaces the working set with the newest <see cref="MaxCandles"/> of <paramref name="candles"/>; returns its new length.</summary>
    /// <remarks>Candles may come in any order; of two with the same open time the later one wins.</remarks>
    public async Task<int> ReplaceAsync(string symbol, Interval interval, IEnumerable<Candle> candles, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var byTime = new SortedDictionary<long, Candle>();
        foreach (var candle in candles)
        {
            byTime[candle.OpenTime] = candle;
        }
        WorkingSetCandle[] newest = [.. byTime.Values.TakeLast(MaxCandles).Select(WorkingSetCandle.From)];
        await redis.HashSetAsync(Key(symbol, interval), [
            new HashEntry(CandlesField, JsonSerializer.SerializeToUtf8Bytes(newest, WorkingSetJsonContext.Default.WorkingSetCandleArray)),
            new HashEntry(LoadedAtField, time.GetUtcNow().ToUnixTimeMilliseconds()),
        ]);
        return newest.Length;
    }

    public async Task ClearAsync(string symbol, Interval interval, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await redis.KeyDeleteAsync(Key(symbol, interval));
    }

    /// <summary>The Redis key of a working set (before the service's key prefix).</summary>
    public static RedisKey Key(string symbol, Interval interval) => $"workingset:{symbol}:{interval.Code}";

    /// <summary>The key of the short lock that keeps concurrent first loads of a working set to one Bybit request.</summary>
    public static RedisKey LoadLockKey(string symbol, Interval interval) => $"workingset-load:{symbol}:{interval.Code}";
}
