using System.Data;
using Dapper;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Npgsql;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.MarketData.Candles;

internal static class CandlePagesApi
{
    public const string NextCursorHeader = "X-Next-Cursor";

    /// <summary>
    /// Stored candles of one series, ascending, a page at a time behind a keyset cursor, as JSON, CSV or the binary rows of
    /// <see cref="CandleFormats"/> (docs/api-behaviour.md, 4.16). Reads the store only: nothing is fetched from Bybit.
    /// </summary>
    public static RouteGroupBuilder MapCandlePagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/marketdata").WithTags("Market data");
        group.MapGet("/candles", ReadPageAsync)
            .WithName("ReadCandlePages")
            .Documented(
                "Page through stored candles of a series, oldest first: json (default), csv or binary",
                "Stored candles only (nothing is fetched from Bybit). `symbol` and `interval` required; `start` (inclusive) and `end` "
                + "(exclusive) optional, the whole stored series by default. `limit` default 1000, at most 10 000 in JSON and CSV and "
                + "100 000 in binary. `format=json|csv|binary` wins over `Accept`. Each page ends with a cursor for the next "
                + $"(`next_cursor` in JSON, `{NextCursorHeader}` and `Link` headers in every format); pass it back unchanged as `cursor` "
                + "with the same symbol and interval. Candles stored before the cursor meanwhile do not shift later pages. Every invalid "
                + "parameter is named at once in a 400.")
            .WithResponseExample(CandleExamples.Page)
            .WithResponseExample(CandleExamples.PageCsv, contentType: CandleFormats.Csv)
            .Produces<CandlePageAnswer>(StatusCodes.Status200OK, CandleFormats.Json)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // One response per status code: the CSV and binary forms join the JSON one as further media types.
                if (operation.Responses?.GetValueOrDefault("200")?.Content is { } content)
                {
                    content[CandleFormats.Csv] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                    content[CandleFormats.Binary] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                }
                return Task.CompletedTask;
            })
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem>> ReadPageAsync(
        [AsParameters] CandlePageQuery query, HttpContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (query.Validate(context.Request.GetTypedHeaders()) is not { } page)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }
        var parameters = new { page.Symbol, Interval = page.Interval.Code, page.From, page.End, page.Limit };

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the page's extent and its rows: a candle stored in between cannot make the count or the cursor wrong.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        // Up to one row past the page, on the primary key's index: how many rows the page holds, whether another page
        // follows, and the open time of the page's last row, where the next one starts.
        var (found, last) = await connection.QuerySingleAsync<(int Found, long? Last)>(new CommandDefinition(
            """
            SELECT count(*)::int, max(open_time) FILTER (WHERE position <= @Limit)
            FROM (
                SELECT open_time, row_number() OVER (ORDER BY open_time) AS position FROM candle_bars
                WHERE series_id = (SELECT id FROM candle_series WHERE symbol = @Symbol AND interval = @Interval)
                  AND open_time >= @From AND open_time < @End
                ORDER BY open_time
                LIMIT @Limit + 1
            ) AS extent
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        var count = Math.Min(found, page.Limit);
        var next = found > page.Limit ? new CandleCursor(page.Symbol, page.Interval.Code, last!.Value).Encode() : null;
        if (next is not null)
        {
            context.Response.Headers[NextCursorHeader] = next;
            context.Response.Headers.Link = $"<{NextPage(context.Request, next)}>; rel=\"next\"";
        }

        var writer = CandleFormats.For(page.Format, new CandlePageHead(page.Symbol, page.Interval.Code, count, next));
        if (writer.FixedRowSize is { } rowSize)
        {
            context.Response.ContentLength = (long)rowSize * count;
        }
        await using var command = new NpgsqlCommand(
            """
            SELECT open_time, open, high, low, close, volume, turnover FROM candle_bars
            WHERE series_id = (SELECT id FROM candle_series WHERE symbol = $1 AND interval = $2) AND open_time >= $3 AND open_time < $4
            ORDER BY open_time
            LIMIT $5
            """,
            connection,
            transaction)
        {
            Parameters =
            {
                new() { Value = page.Symbol }, new() { Value = page.Interval.Code }, new() { Value = page.From }, new() { Value = page.End },
                new() { Value = (long)page.Limit },
            },
        };
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            context.Response.ContentType = writer.ContentType;
            await writer.WriteAsync(reader, context.Response.BodyWriter, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>The same request with the next cursor, relative to the host, so it holds through the gateway (RFC 8288, 3.1).</summary>
    private static string NextPage(HttpRequest request, string cursor)
    {
        var query = new QueryBuilder(request.Query.Where(pair => !pair.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase)))
        {
            { "cursor", cursor },
        };
        return $"{request.PathBase}{request.Path}{query.ToQueryString()}";
    }
}

/// <summary>The JSON page's shape, for the OpenAPI document; the page itself is written as it streams.</summary>
internal sealed record CandlePageAnswer(string Symbol, string Interval, int Count, string? NextCursor, IReadOnlyList<CandleRow> Items);

/// <summary>One candle of a JSON page: open time (epoch ms, UTC), prices, volume, and turnover (null when unknown).</summary>
internal sealed record CandleRow(long OpenTime, double Open, double High, double Low, double Close, double Volume, double? Turnover);
