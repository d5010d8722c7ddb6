using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.Optimizations.Runs;
using Platform.Jobs;

namespace Platform.Optimizations.WalkForward;

/// <summary>Walk-forward runs in PostgreSQL: one job per run, its window count as progress.</summary>
internal sealed class WalkForwardRuns(NpgsqlDataSource dataSource)
{
    /// <summary>Records a queued run and its inputs (earlier runs keep their results); null when a run is still queued or running.</summary>
    public async Task<(Optimization Optimization, long RunId)?> StartAsync(
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
        if (started is null)
        {
            return null;
        }
        var settings = new JsonObject
        {
            ["windows"] = new JsonObject
            {
                ["train_size"] = windows.TrainSize,
                ["test_size"] = windows.TestSize,
                ["step_size"] = windows.StepSize,
                ["unit"] = windows.UnitName,
                ["mode"] = windows.ModeName,
            },
        };
        var runId = await OptimizationRuns.InsertAsync(connection, transaction, started, RunKind.WalkForward, 0, cancellationToken, settings);
        await transaction.CommitAsync(cancellationToken);
        return (started, runId);
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
        AfterFail = "SELECT settle_optimization_run((SELECT job_id FROM optimizations WHERE id = @Id));",
    };

    /// <summary>Completes the run and settles its record, in one transaction; false when the job is no longer this worker's.</summary>
    public async Task<bool> CompleteAsync(long id, string owner, string results, int combinationsDone, int windows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var jobId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            """
            UPDATE optimizations
            SET status = 'completed', results = @Results::jsonb, combinations_done = @Done, chunks_done = @Windows, chunks_total = @Windows,
                completed_at = now(), claimed_by = NULL, heartbeat_at = NULL, lease_until = NULL, updated_at = now()
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
            RETURNING job_id
            """,
            new { Id = id, Owner = owner, Results = results, Done = combinationsDone, Windows = windows },
            transaction,
            cancellationToken: cancellationToken));
        if (jobId is null)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT settle_optimization_run(@JobId)", new { JobId = jobId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
