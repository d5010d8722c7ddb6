using System.Data;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Npgsql;
using Platform.Backtests.Backtests;
using Platform.Backtests.Reports;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Backtests.Equity;

internal static class EquityApi
{
    public const string NotCompleted = "Backtest must be completed to read its equity curve";

    /// <summary>
    /// The equity curve of a completed run at full resolution, every bar with its drawdown, streamed from PostgreSQL as JSON,
    /// CSV or binary rows (docs/api-behaviour.md, 2.14).
    /// </summary>
    public static RouteGroupBuilder MapEquityApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:long}/equity", ReadAsync)
            .WithName("BacktestEquity")
            .Documented(
                "Stream every point of a completed run's equity curve with its drawdown: json (default), csv or binary",
                "One point per bar, not thinned, each with its drawdown in percent of the running maximum. `format=json|csv|binary`, or "
                + "the `Accept` type of highest quality among application/json, text/csv and application/x-platform-equity (24-byte "
                + "little-endian rows: int64 time in ms, float64 equity, float64 drawdown; `Content-Length` = 24 × count). Streamed from "
                + "one snapshot, so a million points take tens of megabytes. Checks in order: 400 \"Invalid format\", 404 \"Backtest not "
                + "found\", 400 \"Backtest must be completed to read its equity curve\".")
            .WithResponseExample(ReportExamples.EquityJson)
            .WithResponseExample(ReportExamples.EquityCsv, contentType: EquityFormats.CsvMediaType)
            .Produces<EquityAnswer>(StatusCodes.Status200OK, EquityFormats.JsonMediaType)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // One response per status code: the CSV and binary forms join the JSON one as further media types.
                if (operation.Responses?.GetValueOrDefault("200")?.Content is { } content)
                {
                    content[EquityFormats.CsvMediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                    content[EquityFormats.BinaryMediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                }
                return Task.CompletedTask;
            })
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ReadAsync(
        long id, string? format, HttpContext context, BacktestStore store, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!EquityFormats.TryChoose(format, context.Request.GetTypedHeaders(), out var chosen))
        {
            return TypedResults.Problem(EquityFormats.Invalid(format!), statusCode: StatusCodes.Status400BadRequest, title: "Invalid format");
        }
        if (await store.GetAsync(id, cancellationToken) is not { } backtest)
        {
            return BacktestInput.NotFound();
        }
        if (backtest.Status != BacktestStatus.Completed)
        {
            return TypedResults.Problem(NotCompleted, statusCode: StatusCodes.Status400BadRequest, title: "Backtest not completed");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the count and the points: a run completed again in between cannot make the count wrong.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var count = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT cardinality(times) FROM equity_curves WHERE backtest_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken)) ?? 0;
        var writer = EquityWriter.For(chosen);
        if (writer.FixedRowSize is { } rowSize)
        {
            context.Response.ContentLength = rowSize * count;
        }

        // unnest yields the arrays' elements in order, row by row: the curve is never held whole on this side.
        await using var command = new NpgsqlCommand(
            """
            SELECT point.time, point.equity
            FROM equity_curves curve, unnest(curve.times, curve.equity) AS point (time, equity)
            WHERE curve.backtest_id = $1
            """,
            connection,
            transaction)
        {
            Parameters = { new() { Value = id } },
        };
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            context.Response.ContentType = writer.ContentType;
            await writer.WriteAsync(id, count, reader, context.Response.BodyWriter, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Empty;
    }
}

/// <summary>The JSON answer's shape, for the OpenAPI document; the answer itself is written as it streams.</summary>
internal sealed record EquityAnswer(long BacktestId, long Count, IReadOnlyList<EquityPoint> Points);

/// <summary>One bar of the curve: open time (epoch ms), equity, and drawdown in percent (null when unknown).</summary>
internal sealed record EquityPoint(long Time, double? Equity, double? DrawdownPct);
