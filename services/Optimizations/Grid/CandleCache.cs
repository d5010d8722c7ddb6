using Microsoft.Extensions.Caching.Memory;
using Platform.Engine.Data;
using Platform.Candles;

namespace Platform.Optimizations.Grid;

/// <summary>
/// The candles of a run, loaded once per worker from the market data service and kept while its chunks keep coming,
/// so that every chunk after the first starts computing at once.
/// </summary>
internal sealed class CandleCache(CandleFeed feed, IMemoryCache cache)
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    public async Task<CandleSeries> GetAsync(string symbol, string timeframe, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var key = (symbol, timeframe, start, end);
        if (cache.TryGetValue(key, out CandleSeries? cached) && cached is not null)
        {
            return cached;
        }
        var columns = await feed.ReadAsync(
            symbol, timeframe, new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
            new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)).ToUnixTimeMilliseconds(), cancellationToken);
        var series = CandleSeries.Adopt(Interval.Parse(timeframe), columns.OpenTime, columns.Open, columns.High, columns.Low, columns.Close, columns.Volume);
        if (series.Series is not { Count: > 0 } candles)
        {
            throw new InvalidDataException(series.Error is { } error
                ? $"invalid candle at row {error.Index}: {error.Field} {error.Reason}"
                : $"no {timeframe} candles of {symbol} between {start:O} and {end:O}");
        }
        cache.Set(key, candles, new MemoryCacheEntryOptions { SlidingExpiration = Idle, Size = candles.Count });
        return candles;
    }
}
