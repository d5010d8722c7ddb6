using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.MarketData.Candles;

internal static class QualityApi
{
    /// <summary>Data quality of a stored range: how complete it is, where the gaps are, what ingests dropped.</summary>
    public static RouteGroupBuilder MapQualityApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/marketdata").WithTags("Market data");
        group.MapGet("/quality", GetReportAsync)
            .WithName("GetDataQuality")
            .Documented(
                "Stored versus expected candles of a range, its gaps, and the duplicates and bad rows ingests removed",
                "`symbol`, `interval`, `start` (inclusive) and `end` (exclusive), epoch ms or ISO-8601 (no offset means UTC); only closed "
                + "bars count as expected. Gaps are runs of missing bars, both ends inclusive. Bad parameters are 400 naming them.")
            .WithResponseExample(CandleExamples.Quality)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Results<Ok<QualityReport>, ValidationProblem>> GetReportAsync(
        [AsParameters] CandleRangeQuery query, CandleStore store, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Validate(time.GetUtcNow().ToUnixTimeMilliseconds()) is not { } range)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }
        var interval = range.Interval;
        var (first, last) = CandleBackfill.ClosedBars(interval, range.Start, Math.Min(range.End, time.GetUtcNow().ToUnixTimeMilliseconds()));
        var expected = first > last ? 0 : interval.PeriodIndex(last) - interval.PeriodIndex(first) + 1;
        var stored = first > last ? [] : await store.GetOpenTimesAsync(range.Symbol, interval, first, interval.Next(last), cancellationToken);
        var gaps = first > last
            ? []
            : CandleBackfill.MissingStretches(interval, stored, first, last)
                .Select(gap => new QualityGap(gap.First, gap.Last, interval.PeriodIndex(gap.Last) - interval.PeriodIndex(gap.First) + 1))
                .ToList();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (duplicates, rejected, ingests) = await connection.QuerySingleAsync<(long, long, long)>(new CommandDefinition(
            """
            SELECT coalesce(sum(duplicates), 0)::bigint, coalesce(sum(rejected), 0)::bigint, count(*)
            FROM ingest_runs
            WHERE symbol = @Symbol AND interval = @Interval AND earliest_ms < @End AND latest_ms >= @Start
            """,
            new { range.Symbol, Interval = interval.Code, range.Start, range.End },
            cancellationToken: cancellationToken));
        return TypedResults.Ok(new QualityReport(
            range.Symbol, interval.Code, range.Start, range.End, stored.Length, expected, gaps.Sum(gap => gap.MissingBars), gaps, duplicates, rejected, ingests));
    }
}

internal sealed record QualityReport(
    string Symbol,
    string Interval,
    long Start,
    long End,
    long Stored,
    long Expected,
    long Missing,
    IReadOnlyList<QualityGap> Gaps,
    long DuplicatesRemoved,
    long RejectedRows,
    long Ingests);

/// <summary>Missing bars opening from <see cref="Start"/> to <see cref="End"/>, both inclusive.</summary>
internal sealed record QualityGap(long Start, long End, long MissingBars);
