using Platform.Engine.Data;

namespace Platform.MarketData.Bybit;

/// <summary>Typed client of Bybit's public v5 market endpoints (spec/bybit-v5.md).</summary>
internal sealed class BybitClient(HttpClient http)
{
    public const int PageLimit = 1000;

    /// <summary>One kline request; candles ascending, the still-open one flagged.</summary>
    public Task<KlineBatch> GetKlinesAsync(string symbol, Interval interval, long? start, long? end, int limit, CancellationToken cancellationToken) =>
        throw new NotImplementedException(http.BaseAddress?.ToString());

    /// <summary>Closed candles with open time in [start, end], ascending, one page (≤ 1000) at a time.</summary>
    public IAsyncEnumerable<IReadOnlyList<BybitCandle>> GetKlineRangeAsync(string symbol, Interval interval, long start, long end, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<BybitTrade>> GetRecentTradesAsync(string symbol, int limit, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
}
