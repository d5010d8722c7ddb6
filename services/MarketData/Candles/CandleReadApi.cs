using System.Data;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.MarketData.Markets;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.MarketData.Candles;

internal static class CandleReadApi
{
    // Right after a bulk load the statistics still describe the table before it, and the planner then bitmap-scans the
    // range and sorts it; the primary key's walk reads it in order whatever they say.
    private const string PrimaryKeyWalk = "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off";

    /// <summary>
    /// Candles for other services (not routed by the gateway): ascending, streamed from PostgreSQL as they are read, in JSON,
    /// CSV or the compact binary rows of <see cref="CandleFormats"/>, chosen by <c>Accept</c>; binary answers carry their
    /// <c>Content-Length</c>. When missing candles cannot be fetched because Bybit is down, 503 with <c>Retry-After</c> and
    /// the missing range, within the fail-fast timeout.
    /// </summary>
    public static RouteGroupBuilder MapCandleReadApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/internal/candles").WithTags("Internal");
        group.MapGet("/", ReadAsync)
            .WithName("ReadCandles")
            .Documented(
                "Stream stored candles of a range, filling what is missing from Bybit first",
                "Internal: not routed by the gateway; only other services call it, with their signed identity. Candles opening in [start, "
                + "end), ascending, as JSON, CSV or 56-byte binary rows by `Accept` (binary answers carry `Content-Length`). Missing closed "
                + "bars are fetched from Bybit first unless `backfill=false`; when Bybit cannot be reached, 503 at once with `Retry-After` "
                + "and the missing range. Bad parameters are 400.")
            .WithResponseExample(CandleExamples.StreamedCsv, contentType: CandleFormats.Csv)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable)
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: [CandleFormats.Csv, CandleFormats.Binary]);
        return group;
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> ReadAsync(
        [AsParameters] CandleRangeQuery query,
        HttpContext context,
        NpgsqlDataSource dataSource,
        CandleBackfill backfill,
        CandleRangeCache cache,
        IOptions<CandleReadOptions> readOptions,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (query.Validate(now) is not { } range)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }
        var writer = CandleFormats.WriterFor(context.Request.Headers.Accept);
        var problem = writer.ContentType == CandleFormats.Binary
            ? await WriteBinaryAsync(range, query.Backfill != false, now, context, dataSource, backfill, cache, readOptions.Value, cancellationToken)
            : await WriteTextAsync(range, query.Backfill != false, writer, context, dataSource, backfill, cancellationToken);
        return problem is null ? TypedResults.Empty : problem;
    }

    /// <summary>JSON or CSV rows of the range, after its missing closed bars are fetched from Bybit (unless <paramref name="fill"/> is false).</summary>
    private static async Task<ProblemHttpResult?> WriteTextAsync(
        CandleRange range, bool fill, CandleFormats writer, HttpContext context, NpgsqlDataSource dataSource, CandleBackfill backfill,
        CancellationToken cancellationToken)
    {
        if (fill && await FillAsync(range, context, backfill, cancellationToken) is { } missing)
        {
            return missing;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT open_time, open, high, low, close, volume, turnover FROM candle_bars
            WHERE series_id = (SELECT id FROM candle_series WHERE symbol = $1 AND interval = $2) AND open_time >= $3 AND open_time < $4
            ORDER BY open_time
            """,
            connection)
        {
            Parameters = { new() { Value = range.Symbol }, new() { Value = range.Interval.Code }, new() { Value = range.Start }, new() { Value = range.End } },
        };
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        context.Response.ContentType = writer.ContentType;
        await writer.WriteAsync(reader, context.Response.BodyWriter, cancellationToken);
        return null;
    }

    /// <summary>
    /// The binary rows of the range: from the cache when its series has not changed since they were kept; otherwise read
    /// in one repeatable-read snapshot, so the announced length is exact, into memory (from the series' blocks when they
    /// hold the range, <see cref="CandleBlocks"/>, else from its rows, <see cref="ReadRowsAsync"/>) or, for a range larger
    /// than <see cref="CandleReadOptions.BufferedBars"/>, counted and streamed. Whether any closed bar
    /// is missing is told by the rows read or counted: only then, and with backfill on, is Bybit asked for them before the
    /// range is read again. A whole, closed range is kept in the cache.
    /// </summary>
    private static async Task<ProblemHttpResult?> WriteBinaryAsync(
        CandleRange range, bool fill, long now, HttpContext context, NpgsqlDataSource dataSource, CandleBackfill backfill, CandleRangeCache cache,
        CandleReadOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (cache.IsOn && cache.TryGet(range, await CandleStore.VersionAsync(connection, range.Symbol, range.Interval, cancellationToken), out var cached))
        {
            context.Response.ContentType = CandleFormats.Binary;
            context.Response.ContentLength = cached.Length;
            await context.Response.BodyWriter.WriteAsync(cached, cancellationToken);
            return null;
        }

        // A range of up to BufferedBars is read into memory first: the rows read tell its length and whether bars are
        // missing, so no count goes before PostgreSQL's COPY, most of a cold read's time. A larger one is counted, then streamed.
        var buffered = OpenTimes(range) <= options.BufferedBars;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(PrimaryKeyWalk, cancellationToken: cancellationToken));
            var (version, blockSet) = await CandleBlocks.SeriesAsync(connection, range, cancellationToken);
            var rows = buffered ? GC.AllocateUninitializedArray<byte>(checked((int)(OpenTimes(range) * CandleFormats.BinaryRowSize))) : null;
            var count = rows is null
                ? await CandleStore.CountAsync(connection, range.Symbol, range.Interval, range.Start, range.End, cancellationToken)
                : blockSet is { } blocks
                    ? await CandleBlocks.ReadAsync(connection, blocks, range, rows, cancellationToken)
                    : await ReadRowsAsync(connection, dataSource, range, rows, options.HalvedBars, cancellationToken);
            var whole = count == CandleBackfill.ClosedBarCount(range.Interval, range.Start, Math.Min(range.End, now));
            if (fill && !whole)
            {
                await transaction.RollbackAsync(cancellationToken);
                if (await FillAsync(range, context, backfill, cancellationToken) is { } missing)
                {
                    return missing;
                }
                fill = false;
                continue;
            }

            var length = checked((int)(count * CandleFormats.BinaryRowSize));
            var kept = cache.IsOn && whole && range.End <= now;
            context.Response.ContentType = CandleFormats.Binary;
            context.Response.ContentLength = length;
            if (rows is null)
            {
                rows = kept ? GC.AllocateUninitializedArray<byte>(length) : null;
                await BinaryCopyRows.WriteAsync(connection, range, context.Response.BodyWriter, rows, cancellationToken);
            }
            else
            {
                await context.Response.BodyWriter.WriteAsync(rows.AsMemory(0, length), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            if (kept)
            {
                cache.Set(range, version, length == rows!.Length ? rows : rows[..length]);
            }
            return null;
        }
    }

    /// <summary>
    /// The rows of the range into <paramref name="rows"/>, in the connection's snapshot; returns how many. From
    /// <paramref name="halvedBars"/> bars on, the second half is read at the same time on a second connection that imports
    /// the snapshot (<c>pg_export_snapshot</c>), each half into its own part of <paramref name="rows"/>.
    /// </summary>
    private static async Task<int> ReadRowsAsync(
        NpgsqlConnection connection, NpgsqlDataSource dataSource, CandleRange range, byte[] rows, long halvedBars, CancellationToken cancellationToken)
    {
        if (OpenTimes(range) < halvedBars)
        {
            return await BinaryCopyRows.WriteAsync(connection, range, null, rows, cancellationToken);
        }
        var middle = range.Interval.Floor(range.Start + (range.End - range.Start) / 2);
        var secondStart = checked((int)(OpenTimes(range with { End = middle }) * CandleFormats.BinaryRowSize));
        var snapshot = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT pg_export_snapshot()", cancellationToken: cancellationToken));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var secondHalf = ReadInSnapshotAsync(dataSource, snapshot!, range with { Start = middle }, rows.AsMemory(secondStart), stop.Token);
        int first;
        try
        {
            first = await BinaryCopyRows.WriteAsync(connection, range with { End = middle }, null, rows.AsMemory(0, secondStart), cancellationToken);
        }
        catch
        {
            await stop.CancelAsync();
            await ((Task)secondHalf).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        var second = await secondHalf;
        var firstLength = first * CandleFormats.BinaryRowSize;
        if (firstLength < secondStart)
        {
            // The first half had gaps: its rows end before the second half's part begins.
            rows.AsSpan(secondStart, second * CandleFormats.BinaryRowSize).CopyTo(rows.AsSpan(firstLength));
        }
        return first + second;
    }

    private static async Task<int> ReadInSnapshotAsync(
        NpgsqlDataSource dataSource, string snapshot, CandleRange range, Memory<byte> rows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        // The snapshot's id comes from PostgreSQL itself (pg_export_snapshot); SET takes no parameters. It must come first.
        await connection.ExecuteAsync(new CommandDefinition(
            $"SET TRANSACTION SNAPSHOT '{snapshot}'; {PrimaryKeyWalk}", cancellationToken: cancellationToken));
        var count = await BinaryCopyRows.WriteAsync(connection, range, null, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// How many bars of the interval open in the range: the most rows it can hold, since the store keeps only bars aligned
    /// to their interval.
    /// </summary>
    private static long OpenTimes(CandleRange range)
    {
        var interval = range.Interval;
        var first = interval.IsAligned(range.Start) ? range.Start : interval.Next(range.Start);
        var last = interval.Floor(range.End - 1);
        return last < first ? 0 : interval.PeriodIndex(last) - interval.PeriodIndex(first) + 1;
    }

    /// <summary>Fetches the range's missing closed bars from Bybit; a 503 with <c>Retry-After</c> and the missing range when Bybit cannot be reached.</summary>
    private static async Task<ProblemHttpResult?> FillAsync(CandleRange range, HttpContext context, CandleBackfill backfill, CancellationToken cancellationToken)
    {
        try
        {
            await backfill.FillAsync(range.Symbol, range.Interval, range.Start, range.End, cancellationToken);
            return null;
        }
        catch (CandleGapException gap)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(gap.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                gap.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Candles missing while Bybit is unreachable",
                extensions: new Dictionary<string, object?>
                {
                    ["symbol"] = gap.Symbol,
                    ["interval"] = range.Interval.Code,
                    ["missing_from"] = gap.First,
                    ["missing_to"] = gap.Last,
                    ["retry_after_seconds"] = Math.Ceiling(gap.RetryAfter.TotalSeconds),
                });
        }
    }
}

internal sealed record CandleRangeQuery(
    string? Symbol,
    string? Interval,
    string? Start,
    string? End,
    bool? Backfill)
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public CandleRange? Validate(long nowMs)
    {
        var symbol = MarketInput.Symbol(Symbol, Errors);
        var interval = MarketInput.Interval("interval", Interval, Errors);
        if (!TimeParameter.TryParse(Start, out var start))
        {
            Errors["start"] = [$"start is required: epoch milliseconds or ISO-8601, {TimeParameter.Span}."];
        }
        var end = nowMs;
        if (End is not null && !TimeParameter.TryParse(End, out end))
        {
            Errors["end"] = [$"end must be epoch milliseconds or ISO-8601, {TimeParameter.Span}."];
        }
        if (Errors.Count == 0 && start >= end)
        {
            Errors["end"] = ["end must be after start."];
        }
        return Errors.Count == 0 ? new CandleRange(symbol, interval, start, end) : null;
    }
}

/// <summary>Open times from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive), UTC milliseconds.</summary>
internal sealed record CandleRange(string Symbol, Platform.Engine.Data.Interval Interval, long Start, long End);
