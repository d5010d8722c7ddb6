using Dapper;
using Npgsql;
using NpgsqlTypes;
using Platform.Engine.Data;

namespace Platform.MarketData.Candles;

/// <summary>
/// Counts of one upsert. <see cref="Received"/> rows came in; of the distinct open times, <see cref="Inserted"/> were new,
/// <see cref="Updated"/> replaced different values and <see cref="Unchanged"/> were already stored as they are.
/// </summary>
internal readonly record struct UpsertCounts(long Inserted, long Updated, long Unchanged, long Received = 0)
{
    /// <summary>Rows that repeated an open time of the same batch; the last of them won.</summary>
    public long RepeatedInBatch => Received - Inserted - Updated - Unchanged;
}

/// <summary>The candle table of marketdatadb: binary COPY into a staging table, then one upsert.</summary>
internal sealed class CandleStore(NpgsqlDataSource dataSource)
{
    /// <summary>Upserts candles of one (symbol, interval) in one transaction; <paramref name="source"/> is <c>bybit</c> or <c>upload:&lt;id&gt;</c>.</summary>
    public async Task<UpsertCounts> UpsertAsync(string symbol, Interval interval, string source, IReadOnlyCollection<Candle> candles, CancellationToken cancellationToken)
    {
        if (candles.Count == 0)
        {
            return default;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var counts = await UpsertAsync(connection, symbol, interval, source, candles.ToAsyncEnumerable(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>Upserts a stream of candles inside the caller's transaction; the last row of a repeated open time wins.</summary>
    public static async Task<UpsertCounts> UpsertAsync(
        NpgsqlConnection connection, string symbol, Interval interval, string source, IAsyncEnumerable<Candle> candles, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TEMP TABLE IF NOT EXISTS candle_staging (
                seq bigint, open_time bigint, open float8, high float8, low float8, close float8, volume float8, turnover float8
            ) ON COMMIT DELETE ROWS
            """,
            cancellationToken: cancellationToken));

        long received = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY candle_staging (seq, open_time, open, high, low, close, volume, turnover) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            await foreach (var candle in candles.WithCancellation(cancellationToken))
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(received++, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(candle.OpenTime, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(candle.Open, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(candle.High, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(candle.Low, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(candle.Close, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(candle.Volume, NpgsqlDbType.Double, cancellationToken);
                if (candle.Turnover is { } turnover)
                {
                    await importer.WriteAsync(turnover, NpgsqlDbType.Double, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        if (received == 0)
        {
            return default;
        }

        // xmax = 0 marks a freshly inserted row; the WHERE clause skips rows whose values did not change.
        var (inserted, updated, distinct) = await connection.QuerySingleAsync<(long, long, long)>(new CommandDefinition(
            """
            WITH incoming AS (
                SELECT DISTINCT ON (open_time) open_time, open, high, low, close, volume, turnover
                FROM candle_staging
                ORDER BY open_time, seq DESC
            ),
            written AS (
                INSERT INTO candles AS stored (symbol, interval, open_time, open, high, low, close, volume, turnover, source)
                SELECT @Symbol, @Interval, open_time, open, high, low, close, volume, turnover, @Source FROM incoming
                ON CONFLICT (symbol, interval, open_time) DO UPDATE
                SET open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
                    volume = excluded.volume, turnover = excluded.turnover, source = excluded.source, inserted_at = now()
                WHERE (stored.open, stored.high, stored.low, stored.close, stored.volume, stored.turnover)
                      IS DISTINCT FROM (excluded.open, excluded.high, excluded.low, excluded.close, excluded.volume, excluded.turnover)
                RETURNING xmax = 0 AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted), (SELECT count(*) FROM incoming)
            FROM written
            """,
            new { Symbol = symbol, Interval = interval.Code, Source = source },
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("TRUNCATE candle_staging", cancellationToken: cancellationToken));
        return new UpsertCounts(inserted, updated, distinct - inserted - updated, received);
    }

    /// <summary>The newest <paramref name="count"/> stored candles, ascending.</summary>
    public async Task<IReadOnlyList<Candle>> GetNewestAsync(string symbol, Interval interval, int count, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Candle>(new CommandDefinition(
            """
            SELECT open_time, open, high, low, close, volume, turnover FROM (
                SELECT open_time, open, high, low, close, volume, turnover FROM candles
                WHERE symbol = @Symbol AND interval = @Interval
                ORDER BY open_time DESC
                LIMIT @Count
            ) newest
            ORDER BY open_time
            """,
            new { Symbol = symbol, Interval = interval.Code, Count = count },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Open times stored in [<paramref name="start"/>, <paramref name="end"/>), ascending.</summary>
    public async Task<long[]> GetOpenTimesAsync(string symbol, Interval interval, long start, long end, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT open_time FROM candles
            WHERE symbol = @Symbol AND interval = @Interval AND open_time >= @Start AND open_time < @End
            ORDER BY open_time
            """,
            new { Symbol = symbol, Interval = interval.Code, Start = start, End = end },
            cancellationToken: cancellationToken));
        return rows.AsList().ToArray();
    }

    /// <summary>Deletes every stored candle of (symbol, interval); returns how many.</summary>
    public async Task<long> DeleteAsync(string symbol, Interval interval, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM candles WHERE symbol = @Symbol AND interval = @Interval",
            new { Symbol = symbol, Interval = interval.Code },
            cancellationToken: cancellationToken));
    }
}
