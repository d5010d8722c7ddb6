using Dapper;
using Npgsql;
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

/// <summary>What an upsert did, and the distinct open times it received, ascending.</summary>
internal sealed record UpsertResult(UpsertCounts Counts, long[] OpenTimes);

/// <summary>
/// The candle table of marketdatadb. Writes are upserts of one (symbol, interval) batch at a time, serialized per series by
/// a transaction-scoped advisory lock, so that the choice between the two write paths below cannot race another writer.
/// </summary>
internal sealed class CandleStore(NpgsqlDataSource dataSource, CandleMetrics metrics)
{
    private const string DirectColumns = "candle_bars (series_id, open_time, open, high, low, close, volume, turnover, source)";

    /// <summary>The series' id by its symbol and interval, in SQL: null, and so no row, for a series never written.</summary>
    private const string SeriesId = "(SELECT id FROM candle_series WHERE symbol = @Symbol AND interval = @Interval)";

    /// <summary>Upserts candles of one (symbol, interval) in one transaction; <paramref name="source"/> is <c>bybit</c> or <c>upload:&lt;id&gt;</c>.</summary>
    public async Task<UpsertCounts> UpsertAsync(string symbol, Interval interval, string source, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        if (candles.Count == 0)
        {
            return default;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await UpsertAsync(connection, symbol, interval, source, candles, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.RecordStored(source.Split(':')[0], result.Counts);
        return result.Counts;
    }

    /// <summary>
    /// Upserts candles inside the caller's transaction as they are parsed, a batch at a time. While they come strictly
    /// ascending and newer than every stored candle of the series (a file that extends the series, the usual upload), each
    /// batch is copied straight into <c>candle_bars</c> as it arrives, so that PostgreSQL works while the file is still being
    /// parsed, and into <paramref name="blocks"/>; the series then names the block set, which the caller commits after its
    /// own transaction. The first row that breaks this cancels the copy and abandons the blocks, and the
    /// whole upload, kept in memory, takes the path of the list overload.
    /// </summary>
    public static async Task<UpsertResult> UpsertAsync(
        NpgsqlConnection connection, string symbol, Interval interval, string source, IAsyncEnumerable<ReadOnlyMemory<Candle>> batches,
        CandleBlockWriter blocks, CancellationToken cancellationToken)
    {
        var seriesId = await LockSeriesAsync(connection, symbol, interval, cancellationToken);
        var newest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT max(open_time) FROM candle_bars WHERE series_id = @SeriesId", new { SeriesId = seriesId }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("SAVEPOINT candle_append", cancellationToken: cancellationToken));

        var received = new List<Candle>();
        var last = newest ?? long.MinValue;
        CandleCopyWriter? copy = await CandleCopyWriter.StartAsync(connection, DirectColumns, seriesId, source, cancellationToken);
        await blocks.StartAsync(seriesId, cancellationToken);
        try
        {
            await foreach (var batch in batches.WithCancellation(cancellationToken))
            {
                received.AddRange(batch.Span);
                if (copy is null)
                {
                    continue;
                }
                if (IsAppendedAfter(batch.Span, last))
                {
                    await copy.WriteAsync(batch, cancellationToken);
                    await blocks.WriteAsync(batch, cancellationToken);
                    last = batch.Span[^1].OpenTime;
                    continue;
                }
                await copy.DisposeAsync();
                copy = null;
                await blocks.AbandonAsync();
                await connection.ExecuteAsync(new CommandDefinition("ROLLBACK TO SAVEPOINT candle_append", cancellationToken: cancellationToken));
            }
            if (copy is not null)
            {
                await copy.CompleteAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE candle_series SET block_set = @BlockSet, blocks_from = @From WHERE id = @SeriesId",
                    new { BlockSet = await blocks.EndAsync(cancellationToken), From = newest + 1 ?? long.MinValue, SeriesId = seriesId },
                    cancellationToken: cancellationToken));
                var openTimes = received.ConvertAll(candle => candle.OpenTime).ToArray();
                return new UpsertResult(new UpsertCounts(received.Count, 0, 0, received.Count), openTimes);
            }
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }
        return await UpsertAsync(connection, symbol, interval, source, received, cancellationToken);
    }

    /// <summary>Whether the open times of <paramref name="batch"/> rise strictly from after <paramref name="last"/>.</summary>
    private static bool IsAppendedAfter(ReadOnlySpan<Candle> batch, long last)
    {
        foreach (ref readonly var candle in batch)
        {
            if (candle.OpenTime <= last)
            {
                return false;
            }
            last = candle.OpenTime;
        }
        return true;
    }

    /// <summary>
    /// Upserts candles inside the caller's transaction; the last row of a repeated open time wins. When no stored candle of
    /// the series falls in the batch's range, the batch goes by binary COPY straight into <c>candle_bars</c>. Otherwise it goes by
    /// binary COPY into a temporary staging table, then one range-bounded UPDATE of changed rows and one INSERT of new
    /// ones (three times faster than <c>INSERT ... ON CONFLICT DO UPDATE</c> on a million rows, as measured).
    /// </summary>
    public static async Task<UpsertResult> UpsertAsync(
        NpgsqlConnection connection, string symbol, Interval interval, string source, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        var batch = LatestPerOpenTime(candles);
        if (batch.Length == 0)
        {
            return new UpsertResult(default, []);
        }
        var seriesId = await LockSeriesAsync(connection, symbol, interval, cancellationToken);
        var parameters = new { SeriesId = seriesId, Source = source, Earliest = batch[0].OpenTime, Latest = batch[^1].OpenTime };
        var overlaps = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (
                SELECT 1 FROM candle_bars
                WHERE series_id = @SeriesId AND open_time BETWEEN @Earliest AND @Latest)
            """,
            parameters,
            cancellationToken: cancellationToken));

        long inserted = batch.Length, updated = 0;
        if (!overlaps)
        {
            await CopyAsync(connection, DirectColumns, batch, seriesId, source, cancellationToken);
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TEMP TABLE IF NOT EXISTS candle_staging (
                    open_time bigint, open float8, high float8, low float8, close float8, volume float8, turnover float8
                ) ON COMMIT DELETE ROWS
                """,
                cancellationToken: cancellationToken));
            await CopyAsync(connection, "candle_staging (open_time, open, high, low, close, volume, turnover)", batch, null, null, cancellationToken);
            // Temporary tables are never auto-analyzed; without statistics the join plans below can be poor.
            await connection.ExecuteAsync(new CommandDefinition("ANALYZE candle_staging", cancellationToken: cancellationToken));
            updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE candle_bars AS stored
                SET open = incoming.open, high = incoming.high, low = incoming.low, close = incoming.close,
                    volume = incoming.volume, turnover = incoming.turnover, source = @Source, inserted_at = now()
                FROM candle_staging AS incoming
                WHERE stored.series_id = @SeriesId
                  AND stored.open_time BETWEEN @Earliest AND @Latest AND stored.open_time = incoming.open_time
                  AND (stored.open, stored.high, stored.low, stored.close, stored.volume, stored.turnover)
                      IS DISTINCT FROM (incoming.open, incoming.high, incoming.low, incoming.close, incoming.volume, incoming.turnover)
                """,
                parameters,
                cancellationToken: cancellationToken));
            inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO candle_bars (series_id, open_time, open, high, low, close, volume, turnover, source)
                SELECT @SeriesId, open_time, open, high, low, close, volume, turnover, @Source
                FROM candle_staging AS incoming
                WHERE NOT EXISTS (
                    SELECT 1 FROM candle_bars AS stored
                    WHERE stored.series_id = @SeriesId AND stored.open_time = incoming.open_time)
                """,
                parameters,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("TRUNCATE candle_staging", cancellationToken: cancellationToken));
        }
        var counts = new UpsertCounts(inserted, updated, batch.Length - inserted - updated, candles.Count);
        return new UpsertResult(counts, Array.ConvertAll(batch, candle => candle.OpenTime));
    }

    /// <summary>Writes the batch by binary COPY; with a series, its id and the source lead and close each row.</summary>
    private static async Task CopyAsync(
        NpgsqlConnection connection, string target, Candle[] batch, int? seriesId, string? source, CancellationToken cancellationToken)
    {
        await using var copy = await CandleCopyWriter.StartAsync(connection, target, seriesId, source, cancellationToken);
        await copy.WriteAsync(batch, cancellationToken);
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Serializes writers of one series until the end of their transactions (the lock is re-entrant), and moves the series'
    /// version in the same transaction, so that a cached read of it is known to be stale once the write commits; its
    /// blocks, which mirror only what was stored before, go in the same transaction. Returns the series' id, the key of its
    /// rows in <c>candle_bars</c>, numbering a new series on its first write.
    /// </summary>
    private static async Task<int> LockSeriesAsync(NpgsqlConnection connection, string symbol, Interval interval, CancellationToken cancellationToken)
    {
        var series = new { Symbol = symbol, Interval = interval.Code };
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended(@Symbol || '/' || @Interval, 0))", series, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            WITH series AS (
                INSERT INTO candle_series (symbol, interval, version) VALUES (@Symbol, @Interval, 1)
                ON CONFLICT (symbol, interval) DO UPDATE SET version = candle_series.version + 1, block_set = NULL
                RETURNING id),
            blocks AS (DELETE FROM candle_blocks WHERE series_id = (SELECT id FROM series))
            SELECT id FROM series
            """,
            series,
            cancellationToken: cancellationToken));
    }

    /// <summary>The series' version (0 before its first write), in the connection's current transaction when it has one.</summary>
    public static Task<long> VersionAsync(NpgsqlConnection connection, string symbol, Interval interval, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce((SELECT version FROM candle_series WHERE symbol = @Symbol AND interval = @Interval), 0)",
            new { Symbol = symbol, Interval = interval.Code },
            cancellationToken: cancellationToken));

    /// <summary>
    /// The candles ascending by open time, one per open time, the later of equal ones winning. Files usually come
    /// ascending or (Bybit dumps) descending, which cost one pass; anything else takes a stable sort.
    /// </summary>
    public static Candle[] LatestPerOpenTime(IReadOnlyList<Candle> candles)
    {
        if (IsStrictly(candles, ascending: true))
        {
            return [.. candles];
        }
        if (IsStrictly(candles, ascending: false))
        {
            return [.. candles.Reverse()];
        }
        var sorted = candles.Select((candle, index) => (candle, index)).OrderBy(item => item.candle.OpenTime).ThenByDescending(item => item.index);
        var latest = new List<Candle>(candles.Count);
        foreach (var (candle, _) in sorted)
        {
            if (latest.Count == 0 || latest[^1].OpenTime != candle.OpenTime)
            {
                latest.Add(candle);
            }
        }
        return [.. latest];
    }

    private static bool IsStrictly(IReadOnlyList<Candle> candles, bool ascending)
    {
        for (var index = 1; index < candles.Count; index++)
        {
            if (ascending ? candles[index].OpenTime <= candles[index - 1].OpenTime : candles[index].OpenTime >= candles[index - 1].OpenTime)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The newest <paramref name="count"/> stored candles, ascending.</summary>
    public async Task<IReadOnlyList<Candle>> GetNewestAsync(string symbol, Interval interval, int count, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Right after a bulk load the statistics still describe the old table, and the planner then bitmap-scans the whole
        // series and sorts it (0.3 s for a million rows); walking the primary key backwards always reads just `count` rows.
        await connection.ExecuteAsync(new CommandDefinition("SET LOCAL enable_bitmapscan = off", cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Candle>(new CommandDefinition(
            $"""
            SELECT open_time, open, high, low, close, volume, turnover FROM (
                SELECT open_time, open, high, low, close, volume, turnover FROM candle_bars
                WHERE series_id = {SeriesId}
                ORDER BY open_time DESC
                LIMIT @Count
            ) newest
            ORDER BY open_time
            """,
            new { Symbol = symbol, Interval = interval.Code, Count = count },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>How many candles of the series open in [<paramref name="start"/>, <paramref name="end"/>): one walk of the primary key.</summary>
    public async Task<long> CountAsync(string symbol, Interval interval, long start, long end, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await CountAsync(connection, symbol, interval, start, end, cancellationToken);
    }

    /// <summary>The same count, in the connection's current transaction when it has one.</summary>
    public static Task<long> CountAsync(NpgsqlConnection connection, string symbol, Interval interval, long start, long end, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM candle_bars WHERE series_id = {SeriesId} AND open_time >= @Start AND open_time < @End",
            new { Symbol = symbol, Interval = interval.Code, Start = start, End = end },
            cancellationToken: cancellationToken));

    /// <summary>Open times stored in [<paramref name="start"/>, <paramref name="end"/>), ascending.</summary>
    public async Task<long[]> GetOpenTimesAsync(string symbol, Interval interval, long start, long end, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(
            $"""
            SELECT open_time FROM candle_bars
            WHERE series_id = {SeriesId} AND open_time >= @Start AND open_time < @End
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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var seriesId = await LockSeriesAsync(connection, symbol, interval, cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM candle_bars WHERE series_id = @SeriesId",
            new { SeriesId = seriesId },
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
