using System.Data;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Platform.MarketData.Markets;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.MarketData.Candles;

internal static class CandleReadApi
{
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
            ? await WriteBinaryAsync(range, query.Backfill != false, now, context, dataSource, backfill, cache, cancellationToken)
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
    /// The binary rows of the range: from the cache when its series has not changed since they were kept; otherwise counted
    /// first in the same repeatable-read snapshot they are then read from, so the announced length is exact. The count also
    /// tells whether any closed bar is missing: only then, and with backfill on, is Bybit asked for them before the range is
    /// counted and read again. A whole, closed range is kept in the cache.
    /// </summary>
    private static async Task<ProblemHttpResult?> WriteBinaryAsync(
        CandleRange range, bool fill, long now, HttpContext context, NpgsqlDataSource dataSource, CandleBackfill backfill, CandleRangeCache cache,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (cache.IsOn && cache.TryGet(range, await CandleStore.VersionAsync(connection, range.Symbol, range.Interval, cancellationToken), out var cached))
        {
            context.Response.ContentType = CandleFormats.Binary;
            context.Response.ContentLength = cached.Length;
            await context.Response.BodyWriter.WriteAsync(cached, cancellationToken);
            return null;
        }

        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            // Right after a bulk load the statistics still describe the table before it, and the planner then bitmap-scans
            // the range and sorts it; the primary key's walk reads it in order whatever they say.
            await connection.ExecuteAsync(new CommandDefinition(
                "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off", cancellationToken: cancellationToken));
            // A range count on the primary key costs a fraction of streaming the rows, and lets the reader allocate its
            // columns once at their final size instead of growing them (docs/api-behaviour.md, 4.14).
            var count = await CandleStore.CountAsync(connection, range.Symbol, range.Interval, range.Start, range.End, cancellationToken);
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

            var version = await CandleStore.VersionAsync(connection, range.Symbol, range.Interval, cancellationToken);
            var kept = cache.IsOn && whole && range.End <= now
                ? GC.AllocateUninitializedArray<byte>(checked((int)(count * CandleFormats.BinaryRowSize)))
                : null;
            context.Response.ContentType = CandleFormats.Binary;
            context.Response.ContentLength = count * CandleFormats.BinaryRowSize;
            await BinaryCopyRows.WriteAsync(connection, range, context.Response.BodyWriter, kept, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (kept is not null)
            {
                cache.Set(range, version, kept);
            }
            return null;
        }
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
