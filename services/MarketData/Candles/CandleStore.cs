using Npgsql;
using Platform.Engine.Data;

namespace Platform.MarketData.Candles;

/// <summary>Counts of one upsert: new rows, rows whose values changed, rows already stored as they are.</summary>
internal readonly record struct UpsertCounts(long Inserted, long Updated, long Unchanged);

internal sealed class CandleStore(NpgsqlDataSource dataSource)
{
    /// <summary>Upserts candles of one (symbol, interval) in one transaction; <paramref name="source"/> is <c>bybit</c> or <c>upload:&lt;id&gt;</c>.</summary>
    public Task<UpsertCounts> UpsertAsync(string symbol, Interval interval, string source, IReadOnlyCollection<Candle> candles, CancellationToken cancellationToken) =>
        throw new NotImplementedException(dataSource.ConnectionString);

    /// <summary>The newest <paramref name="count"/> stored candles, ascending.</summary>
    public Task<IReadOnlyList<Candle>> GetNewestAsync(string symbol, Interval interval, int count, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Deletes every stored candle of (symbol, interval); returns how many.</summary>
    public Task<long> DeleteAsync(string symbol, Interval interval, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
