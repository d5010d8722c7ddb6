using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.Optimizations.Optimizations;

namespace Platform.Optimizations.Runs;

/// <summary>What a run does: its <c>kind</c> column.</summary>
internal static class RunKind
{
    public const string Grid = "grid";
    public const string WalkForward = "walk_forward";
    public const string Search = "search";
    public const string MonteCarlo = "monte_carlo";

    /// <summary>The kinds that write one result row per evaluated combination.</summary>
    public static bool HasResults(string kind) => kind is Grid or Search;
}

/// <summary>
/// The <c>optimization_runs</c> table: every run of every optimization with its settings and, once settled, its outcome.
/// The run an optimization is running now is read live from the optimization row, which its workers keep current.
/// </summary>
internal sealed class OptimizationRuns(NpgsqlDataSource dataSource)
{
    /// <summary>A run's columns, live from the optimization row while it is that row's current run.</summary>
    private const string Select = """
        SELECT r.id, r.optimization_id, r.kind, r.job_id, r.settings::text AS settings,
               CASE WHEN l.live THEN o.status ELSE r.status END AS status,
               CASE WHEN NOT l.live THEN r.done WHEN r.kind = 'walk_forward' THEN o.chunks_done ELSE o.combinations_done END AS done,
               CASE WHEN l.live AND r.kind = 'walk_forward' THEN o.chunks_total ELSE r.total END AS total,
               (CASE WHEN l.live THEN o.best_params ELSE r.best_params END)::text AS best_params,
               CASE WHEN l.live THEN o.best_score ELSE r.best_score END AS best_score,
               (CASE WHEN l.live THEN o.results ELSE r.results END)::text AS results,
               CASE WHEN l.live THEN o.error_message ELSE r.error_message END AS error_message,
               r.created_at,
               CASE WHEN l.live THEN o.started_at ELSE r.started_at END AS started_at,
               CASE WHEN l.live THEN o.completed_at ELSE r.completed_at END AS completed_at
        FROM optimization_runs r
        JOIN optimizations o ON o.id = r.optimization_id
        CROSS JOIN LATERAL (SELECT o.job_id IS NOT DISTINCT FROM r.job_id AS live) l
        """;

    /// <summary>
    /// Records a run the optimization row has just started: its job id, objective and inputs, and the settings of its kind
    /// (<paramref name="more"/>); the run's id.
    /// </summary>
    public static Task<long> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Optimization started, string kind, int total, CancellationToken cancellationToken,
        JsonObject? more = null)
    {
        var settings = new JsonObject
        {
            ["objective"] = Parse(started.Objective),
            ["param_ranges"] = Parse(started.ParamRanges),
            ["config"] = Parse(started.Config),
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value?.DeepClone();
        }
        return connection.QuerySingleAsync<long>(new CommandDefinition(
            """
            INSERT INTO optimization_runs (optimization_id, kind, job_id, settings, total)
            VALUES (@Id, @Kind, @JobId, @Settings::jsonb, @Total)
            RETURNING id
            """,
            new { started.Id, Kind = kind, started.JobId, Settings = settings.ToJsonString(), Total = total },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Records a run that was answered at once (a Monte Carlo): completed, with its result document; the run's id.</summary>
    public async Task<long> RecordFinishedAsync(
        long optimizationId, string kind, JsonObject settings, int total, JsonObject results, DateTimeOffset started, DateTimeOffset completed,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<long>(new CommandDefinition(
            """
            INSERT INTO optimization_runs (optimization_id, kind, job_id, settings, status, total, done, results, started_at, completed_at)
            VALUES (@Id, @Kind, @JobId, @Settings::jsonb, 'completed', @Total, @Total, @Results::jsonb, @Started, @Completed)
            RETURNING id
            """,
            new
            {
                Id = optimizationId,
                Kind = kind,
                JobId = Guid.CreateVersion7(),
                Settings = settings.ToJsonString(),
                Total = total,
                Results = results.ToJsonString(),
                Started = started.UtcDateTime,
                Completed = completed.UtcDateTime,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<(IReadOnlyList<OptimizationRun> Items, long Total)> ListAsync(long optimizationId, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var items = await connection.QueryAsync<OptimizationRun>(new CommandDefinition(
            $"{Select} WHERE r.optimization_id = @Id ORDER BY r.id DESC LIMIT @Limit OFFSET @Offset",
            new { Id = optimizationId, Limit = limit, Offset = offset },
            cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM optimization_runs WHERE optimization_id = @Id", new { Id = optimizationId }, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>A run of the optimization; null when the optimization has no such run.</summary>
    public async Task<OptimizationRun?> GetAsync(long optimizationId, long runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OptimizationRun>(new CommandDefinition(
            $"{Select} WHERE r.optimization_id = @Id AND r.id = @RunId", new { Id = optimizationId, RunId = runId }, cancellationToken: cancellationToken));
    }

    /// <summary>The latest completed run that found parameters (a grid, a walk-forward's last window, a search).</summary>
    public async Task<OptimizationRun?> LatestWithBestAsync(long optimizationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<OptimizationRun>(new CommandDefinition(
            $"""
            SELECT * FROM ({Select} WHERE r.optimization_id = @Id) runs
            WHERE status = 'completed' AND best_params IS NOT NULL ORDER BY id DESC LIMIT 1
            """,
            new { Id = optimizationId },
            cancellationToken: cancellationToken));
    }

    /// <summary>The latest run that writes a row per combination (a grid or a search), whatever its state.</summary>
    public async Task<OptimizationRun?> LatestWithResultsAsync(long optimizationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<OptimizationRun>(new CommandDefinition(
            $"{Select} WHERE r.optimization_id = @Id AND r.kind IN ('grid', 'search') ORDER BY r.id DESC LIMIT 1",
            new { Id = optimizationId },
            cancellationToken: cancellationToken));
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}

/// <summary>An <c>optimization_runs</c> row as <see cref="OptimizationRuns"/> reads it; JSON columns come as text.</summary>
internal sealed record OptimizationRun
{
    public long Id { get; init; }

    public long OptimizationId { get; init; }

    public string Kind { get; init; } = "";

    public Guid JobId { get; init; }

    public string Settings { get; init; } = "{}";

    public string Status { get; init; } = "";

    public int Done { get; init; }

    public int Total { get; init; }

    public string? BestParams { get; init; }

    public double? BestScore { get; init; }

    public string? Results { get; init; }

    public string? ErrorMessage { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? CompletedAt { get; init; }
}
