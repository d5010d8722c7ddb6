using Dapper;
using Npgsql;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.Jobs;

namespace Platform.Optimizations.WalkForward;

/// <summary>Walk-forward runs in PostgreSQL: one job per run, its window count as progress.</summary>
internal sealed class WalkForwardRuns(NpgsqlDataSource dataSource)
{
    /// <summary>Records a queued run and its inputs; null when a run is still queued or running.</summary>
    public async Task<Optimization?> StartAsync(
        long id, RunSpec spec, WindowSettings windows, string paramRanges, string? config, int combinations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var started = await connection.QuerySingleOrDefaultAsync<Optimization>(new CommandDefinition(
            $"""
            UPDATE optimizations
            SET status = 'queued', job_id = @JobId, run_type = 'walk_forward', objective = @Spec::jsonb, windows = @Windows::jsonb,
                param_ranges = @ParamRanges::jsonb, config = coalesce(@Config::jsonb, config), metric = @Metric,
                total_combinations = @Combinations, combinations_done = 0, chunks_total = 0, chunks_done = 0, best_params = NULL,
                best_score = NULL, results = NULL, error_message = NULL, started_at = NULL, completed_at = NULL, attempts = 0,
                retry_at = NULL, deferred_since = NULL, claimed_by = NULL, lease_until = NULL, updated_at = now()
            WHERE id = @Id AND NOT (status IN ('queued', 'running') AND job_id IS NOT NULL)
            RETURNING {OptimizationStore.Columns}
            """,
            new
            {
                Id = id,
                JobId = Guid.CreateVersion7(),
                Spec = spec.ToJson(),
                Windows = System.Text.Json.JsonSerializer.Serialize(windows),
                ParamRanges = paramRanges,
                Config = config,
                spec.Metric,
                Combinations = combinations,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (started is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM optimization_results WHERE optimization_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return started;
    }

    /// <summary>
    /// Walk-forward runs as jobs of the framework (docs/architecture.md, 3.2): rows of <c>optimizations</c> started as
    /// walk-forward runs; heartbeats record the windows done.
    /// </summary>
    public static JobTable Table { get; } = new("optimizations", JobKey.Int64)
    {
        Returning = OptimizationStore.Columns,
        Claimable = "run_type = 'walk_forward' AND job_id IS NOT NULL",
        OnClaim = "started_at = coalesce(started_at, now())",
        OnProgress = "chunks_done = @Done, chunks_total = @Total",
        OnFail = "completed_at = now()",
    };

    public async Task<bool> CompleteAsync(long id, string owner, string results, int combinationsDone, int windows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE optimizations
            SET status = 'completed', results = @Results::jsonb, combinations_done = @Done, chunks_done = @Windows, chunks_total = @Windows,
                completed_at = now(), claimed_by = NULL, heartbeat_at = NULL, lease_until = NULL, updated_at = now()
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
            """,
            new { Id = id, Owner = owner, Results = results, Done = combinationsDone, Windows = windows },
            cancellationToken: cancellationToken)) == 1;
    }
}
