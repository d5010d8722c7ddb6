using System.Data;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Runs;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Optimizations.Optimizations;

/// <summary>
/// Every combination a run evaluated, paged and sorted, with the count of them all in <see cref="TotalCount.Header"/> so
/// that the body stays the contract's array, and the best one (also as <c>/best-params</c>; docs/api-behaviour.md, 3.6). A
/// run is named by <c>?run=</c>; by default the results are the latest grid's or search's, and the best is the latest
/// completed run's that found parameters.
/// </summary>
internal static class ResultsApi
{
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.Ordinal)
    {
        ["score"] = "score",
        ["total_return"] = "total_return",
        ["sharpe_ratio"] = "sharpe_ratio",
        ["max_drawdown"] = "max_drawdown",
        ["win_rate"] = "win_rate",
        ["total_trades"] = "total_trades",
        ["trial"] = "trial",
    };

    public static RouteGroupBuilder MapResultsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:long}/results", ListAsync)
            .WithName("ListOptimizationResults")
            .Documented(
                "One row per combination a run evaluated, best first",
                "`run` a run of this optimization (default: its latest grid or search); `sort` score (default), total_return, sharpe_ratio, "
                + "max_drawdown, win_rate, total_trades or trial (a search's order of trials); `order` asc|desc (by default best first for the objective's direction); `limit` "
                + "1–1000 (default 100); `offset` ≥ 0. The `X-Total-Count` header counts every result of the run, not only the page's. 400 "
                + "for bad values, 404 for an unknown optimization or run.")
            .WithResponseExample(OptimizationExamples.Results)
            .WithTotalCountHeader()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/best-params", BestAsync)
            .WithName("GetBestParams")
            .Documented(
                "The best parameters of the latest completed run that found some",
                "The best evaluated combination for the objective's direction, of `run` when given (also while it runs), else of the latest "
                + "completed grid or search; 404 for an unknown optimization or run, and while no such run has scored a combination.")
            .WithResponseExample(OptimizationExamples.Result)
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/best", BestAsync)
            .WithName("GetBestResult")
            .Documented(
                "Alias of /best-params (the original path)",
                "The best evaluated combination for the objective's direction, of `run` when given (also while it runs), else of the latest "
                + "completed grid or search; 404 for an unknown optimization or run, and while no such run has scored a combination.")
            .WithResponseExample(OptimizationExamples.Result)
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<List<ResultView>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        long id,
        long? run,
        int? limit,
        int? offset,
        string? sort,
        string? order,
        HttpContext context,
        NpgsqlDataSource dataSource,
        OptimizationStore store,
        OptimizationRuns runs,
        CancellationToken cancellationToken)
    {
        var column = sort ?? "score";
        if (!SortColumns.ContainsKey(column) || order is not (null or "asc" or "desc") || offset is < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["sort"] = [$"sort must be one of {string.Join(", ", SortColumns.Keys)}, order asc or desc, offset 0 or more."],
            });
        }
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return OptimizationsApi.NotFound();
        }
        var source = run is { } named ? await runs.GetAsync(id, named, cancellationToken) : await runs.LatestWithResultsAsync(id, cancellationToken);
        if (source is null)
        {
            if (run is { } missing)
            {
                return RunsApi.NotFound(id, missing);
            }
            TotalCount.Set(context.Response, 0);
            return TypedResults.Ok(new List<ResultView>());
        }
        var descending = order switch
        {
            "asc" => false,
            "desc" => true,
            _ => column != "score" || Maximizes(source),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the count and the page: a chunk's results written in between cannot make them disagree.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM optimization_results WHERE run_id = @RunId", new { RunId = source.Id }, transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<ResultRow>(new CommandDefinition(
            $"""
            SELECT {ResultColumns} FROM optimization_results WHERE run_id = @RunId
            ORDER BY {SortColumns[column]} {(descending ? "DESC" : "ASC")} NULLS LAST, id
            LIMIT @Limit OFFSET @Offset
            """,
            new { RunId = source.Id, Limit = Math.Clamp(limit ?? 100, 1, 1000), Offset = offset ?? 0 },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        TotalCount.Set(context.Response, total);
        return TypedResults.Ok(rows.Select(ResultView.From).ToList());
    }

    private static async Task<Results<Ok<ResultView>, ProblemHttpResult>> BestAsync(
        long id, long? run, NpgsqlDataSource dataSource, OptimizationStore store, OptimizationRuns runs, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return OptimizationsApi.NotFound();
        }
        var source = run is { } named ? await runs.GetAsync(id, named, cancellationToken) : await runs.LatestWithBestAsync(id, cancellationToken);
        if (source is null && run is { } missing)
        {
            return RunsApi.NotFound(id, missing);
        }
        if (source?.BestParams is null)
        {
            return TypedResults.Problem(
                "No result yet: the best parameters appear once a grid or a search has scored a combination.",
                statusCode: StatusCodes.Status404NotFound,
                title: "not found");
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var best = await connection.QueryFirstAsync<ResultRow>(new CommandDefinition(
            $"SELECT {ResultColumns} FROM optimization_results WHERE run_id = @RunId AND params = @Params::jsonb",
            new { RunId = source.Id, Params = source.BestParams },
            cancellationToken: cancellationToken));
        return TypedResults.Ok(ResultView.From(best));
    }

    private const string ResultColumns = """
        id, optimization_id, run_id, trial, params::text AS params, score, total_return, sharpe_ratio, max_drawdown, win_rate, total_trades, metrics::text AS metrics
        """;

    /// <summary>Whether the run's objective puts higher scores first (higher first for a run recorded without one).</summary>
    private static bool Maximizes(OptimizationRun run) =>
        JsonNode.Parse(run.Settings)?["objective"] is not JsonObject objective || RunSpec.Parse(objective.ToJsonString()).Maximize;

    internal sealed record ResultRow(
        long Id, long OptimizationId, long RunId, int? Trial, string Params, double? Score, double? TotalReturn, double? SharpeRatio, double? MaxDrawdown, double? WinRate, int? TotalTrades, string? Metrics);

    /// <summary>The contract's OptimizationResultOut.</summary>
    internal sealed record ResultView(
        long Id, long OptimizationId, long RunId, int? Trial, JsonNode? Params, double? Score, double? TotalReturn, double? SharpeRatio, double? MaxDrawdown, double? WinRate, int? TotalTrades, JsonNode? Metrics)
    {
        public static ResultView From(ResultRow row) => new(
            row.Id, row.OptimizationId, row.RunId, row.Trial, JsonNode.Parse(row.Params), row.Score, row.TotalReturn, row.SharpeRatio, row.MaxDrawdown, row.WinRate, row.TotalTrades,
            row.Metrics is null ? null : JsonNode.Parse(row.Metrics));
    }
}
