using Dapper;
using Npgsql;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;

namespace Platform.Optimizations.WalkForward;

/// <summary>Walk-forward runs in PostgreSQL: one job per run, claimed atomically, its window count as progress.</summary>
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
                best_score = NULL, results = NULL, error_message = NULL, started_at = NULL, completed_at = NULL, attempts = 0, updated_at = now()
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

    /// <summary>Takes the queued run <paramref name="jobId"/>, or a running one whose worker went silent.</summary>
    public async Task<Optimization?> TryClaimAsync(long id, Guid jobId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Optimization>(new CommandDefinition(
            $"""
            UPDATE optimizations
            SET status = 'running', claimed_by = @Owner, heartbeat_at = now(), started_at = coalesce(started_at, now()), attempts = attempts + 1, updated_at = now()
            WHERE id = @Id AND job_id = @JobId AND run_type = 'walk_forward'
              AND (status = 'queued' OR (status = 'running' AND heartbeat_at < now() - @Lease))
            RETURNING {OptimizationStore.Columns}
            """,
            new { Id = id, JobId = jobId, Owner = owner, Lease = lease },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records windows done (and keeps the claim fresh); false when the run was cancelled or taken over.</summary>
    public async Task<bool> ProgressAsync(long id, string owner, int windowsDone, int windowsTotal, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE optimizations SET chunks_done = @Done, chunks_total = @Total, heartbeat_at = now()
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
            """,
            new { Id = id, Owner = owner, Done = windowsDone, Total = windowsTotal },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> CompleteAsync(long id, string owner, string results, int combinationsDone, int windows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE optimizations
            SET status = 'completed', results = @Results::jsonb, combinations_done = @Done, chunks_done = @Windows, chunks_total = @Windows,
                completed_at = now(), claimed_by = NULL, heartbeat_at = NULL, updated_at = now()
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
            """,
            new { Id = id, Owner = owner, Results = results, Done = combinationsDone, Windows = windows },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task FailAsync(long id, string owner, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE optimizations SET status = 'failed', error_message = @Error, completed_at = now(), claimed_by = NULL, updated_at = now()
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
            """,
            new { Id = id, Owner = owner, Error = error },
            cancellationToken: cancellationToken));
    }

    public async Task ReleaseAsync(long id, string owner, bool countAttempt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE optimizations
            SET status = 'queued', claimed_by = NULL, heartbeat_at = NULL, attempts = CASE WHEN @CountAttempt THEN attempts ELSE attempts - 1 END, updated_at = now()
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
            """,
            new { Id = id, Owner = owner, CountAttempt = countAttempt },
            cancellationToken: cancellationToken));
    }

    /// <summary>Runs that may have lost their stream entry, as <c>id:job</c> messages.</summary>
    public async Task<IReadOnlyList<string>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, Guid JobId)>(new CommandDefinition(
            """
            SELECT id, job_id FROM optimizations
            WHERE run_type = 'walk_forward' AND job_id IS NOT NULL
              AND ((status = 'queued' AND updated_at < now() - @Lease) OR (status = 'running' AND heartbeat_at < now() - @Lease))
            """,
            new { Lease = lease },
            cancellationToken: cancellationToken));
        return [.. rows.Select(row => WalkForwardWorker.Message(row.Id, row.JobId))];
    }
}
