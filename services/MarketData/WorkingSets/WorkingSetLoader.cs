using Platform.Engine.Data;
using Platform.MarketData.Bybit;
using Platform.MarketData.Candles;
using StackExchange.Redis;

namespace Platform.MarketData.WorkingSets;

/// <summary>Fills working sets from Bybit or from the candle store, and resets them (docs/api-behaviour.md, 4.5 and 4.13).</summary>
internal sealed partial class WorkingSetLoader(
    BybitClient bybit, CandleStore candleStore, WorkingSetStore workingSets, IDatabase redis, ILogger<WorkingSetLoader> logger)
{
    /// <summary>About one Bybit call with its retries (the client's total timeout), so a crashed holder blocks loads only briefly.</summary>
    private static readonly TimeSpan LoadLockTtl = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LoadLockPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The working set, loaded from Bybit first when it is absent or empty. A short Redis lock per key makes concurrent
    /// first loads on several replicas send one Bybit request: the others wait for its result, and fetch themselves only
    /// when the holder failed or its lock ran out.
    /// </summary>
    public async Task<IReadOnlyList<WorkingSetCandle>> GetOrLoadAsync(string symbol, Interval interval, int loadLimit, CancellationToken cancellationToken)
    {
        var lockKey = WorkingSetStore.LoadLockKey(symbol, interval);
        var lockToken = Guid.NewGuid().ToString("N");
        while (true)
        {
            var current = await workingSets.GetAsync(symbol, interval, cancellationToken);
            if (current.Count > 0)
            {
                return current;
            }
            if (await redis.LockTakeAsync(lockKey, lockToken, LoadLockTtl))
            {
                try
                {
                    // Another replica may have finished loading between the read above and taking the lock.
                    current = await workingSets.GetAsync(symbol, interval, cancellationToken);
                    if (current.Count > 0)
                    {
                        return current;
                    }
                    await LoadFromBybitAsync(symbol, interval, loadLimit, cancellationToken);
                    return await workingSets.GetAsync(symbol, interval, cancellationToken);
                }
                finally
                {
                    await redis.LockReleaseAsync(lockKey, lockToken);
                }
            }
            await Task.Delay(LoadLockPoll, cancellationToken);
        }
    }

    /// <summary>
    /// Fetches the newest <paramref name="loadLimit"/> candles (one request, ≤ 1000), stores the closed ones (source
    /// <c>bybit</c>) and makes the newest 500 of them the working set; returns its new length. Bybit errors propagate.
    /// </summary>
    public async Task<int> LoadFromBybitAsync(string symbol, Interval interval, int loadLimit, CancellationToken cancellationToken)
    {
        var batch = await bybit.GetKlinesAsync(symbol, interval, start: null, end: null, loadLimit, cancellationToken);
        Candle[] closed = [.. batch.Candles.Where(candle => candle.IsClosed).Select(candle => candle.ToCandle())];
        await candleStore.UpsertAsync(symbol, interval, "bybit", closed, cancellationToken);
        return await workingSets.ReplaceAsync(symbol, interval, closed, cancellationToken);
    }

    /// <summary>Makes the newest 500 stored candles the working set, e.g. after a backfill or an ingest; returns its new length.</summary>
    public async Task<int> LoadFromStoreAsync(string symbol, Interval interval, CancellationToken cancellationToken)
    {
        var newest = await candleStore.GetNewestAsync(symbol, interval, WorkingSetStore.MaxCandles, cancellationToken);
        return await workingSets.ReplaceAsync(symbol, interval, newest, cancellationToken);
    }

    /// <summary>
    /// Clears the working set, deletes the stored candles too when <paramref name="purge"/>, then loads it once from Bybit
    /// when <paramref name="reload"/> (docs/api-behaviour.md, 4.13). A Bybit failure is returned as the <c>failed</c> state, not thrown,
    /// so that the other intervals of a reset still proceed.
    /// </summary>
    public async Task<IntervalReset> ResetAsync(string symbol, Interval interval, bool reload, bool purge, int loadLimit, CancellationToken cancellationToken)
    {
        await workingSets.ClearAsync(symbol, interval, cancellationToken);
        long? purged = purge ? await candleStore.DeleteAsync(symbol, interval, cancellationToken) : null;
        if (!reload)
        {
            return new IntervalReset(IntervalResetState.Cleared, 0, purged, null);
        }
        try
        {
            var count = await LoadFromBybitAsync(symbol, interval, loadLimit, cancellationToken);
            return new IntervalReset(IntervalResetState.Reloaded, count, purged, null);
        }
        catch (BybitException exception)
        {
            LogReloadFailed(symbol, interval.Code, exception);
            return new IntervalReset(IntervalResetState.Failed, 0, purged, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the working set of {Symbol} {Interval} from Bybit failed")]
    private partial void LogReloadFailed(string symbol, string interval, Exception exception);
}
