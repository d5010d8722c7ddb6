using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Platform.MarketData.Markets;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.MarketData.Candles;

internal static class StoredKlinesApi
{
    /// <summary>Stored candles of a symbol, newest first, optionally of one interval (docs/api-behaviour.md, 4.1).</summary>
    public static RouteGroupBuilder MapStoredKlinesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/marketdata/bybit").WithTags("Market data");
        group.MapGet("/klines", GetStoredKlinesAsync)
            .WithName("GetStoredKlines")
            .Documented(
                "Stored candles of a symbol, newest first",
                "`symbol` (required, ≤ 64 characters), `interval` (optional filter in any form: 15, 15m, 4h, 1d; unknown 400), `limit` "
                + "1–1000 (default 100; else 400), `start_time` (ms; when non-zero only candles opening at or before it). `source` is "
                + "`bybit` or `upload:<id>`.")
            .WithResponseExample(CandleExamples.StoredKlines)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Results<Ok<IEnumerable<StoredKline>>, ValidationProblem>> GetStoredKlinesAsync(
        [AsParameters] StoredKlinesQuery query, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (query.Validate(out var interval) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        const string sql = """
            SELECT symbol, interval, open_time, open, high, low, close, volume, turnover, source
            FROM candles
            WHERE symbol = @Symbol
              AND (@Interval::text IS NULL OR interval = @Interval)
              AND (@StartTime::bigint IS NULL OR open_time <= @StartTime)
            ORDER BY open_time DESC, interval
            LIMIT @Limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredKline>(new CommandDefinition(
            sql,
            new { Symbol = query.Symbol.ToUpperInvariant(), Interval = interval, StartTime = query.StartTime is 0 ? null : query.StartTime, query.Limit },
            cancellationToken: cancellationToken));
        return TypedResults.Ok(rows);
    }
}

internal sealed record StoredKlinesQuery(
    string Symbol,
    string? Interval,
    int Limit = 100,
    [property: FromQuery(Name = "start_time")] long? StartTime = null)
{
    public const int MaxLimit = 1000;

    /// <summary>The errors by parameter, and the interval filter as Bybit's code (<c>1h</c> is <c>60</c>), null for every interval.</summary>
    public Dictionary<string, string[]> Validate(out string? interval)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Symbol) || Symbol.Length > 64)
        {
            errors["symbol"] = ["symbol must be 1 to 64 characters."];
        }
        interval = Interval is null ? null : MarketInput.Interval("interval", Interval, errors).Code;
        if (Limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }
        return errors;
    }
}

internal sealed record StoredKline(
    string Symbol,
    string Interval,
    long OpenTime,
    double Open,
    double High,
    double Low,
    double Close,
    double Volume,
    double? Turnover,
    string Source)
{
    public DateTimeOffset OpenTimeDt => DateTimeOffset.FromUnixTimeMilliseconds(OpenTime);
}
