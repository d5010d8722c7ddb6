using Platform.Engine.Data;
using Platform.MarketData.Candles;

namespace Platform.MarketData.WorkingSets;

/// <summary>Working sets (the newest ≤ 500 candles of a symbol and interval) kept in Redis so every replica shares them.</summary>
internal sealed class WorkingSetStore
{
    public const int MaxCandles = 500;

    public Task<IReadOnlyList<WorkingSetCandle>> GetAsync(string symbol, Interval interval, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Replaces the working set with the newest <see cref="MaxCandles"/> of <paramref name="candles"/>; returns its new length.</summary>
    public Task<int> ReplaceAsync(string symbol, Interval interval, IEnumerable<Candle> candles, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task ClearAsync(string symbol, Interval interval, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
