using Dapper;
using Npgsql;

namespace Platform.Jobs;

/// <summary>
/// The job columns of a <see cref="JobTable"/>: claims with a lease and the attempt limit checked at claim, heartbeats,
/// release, deferral, failure, and the sweep of jobs to put back on the stream. PostgreSQL is the truth; a stream entry is
/// only a hint, so every transition checks the row it changes.
/// </summary>
public sealed class JobLedger<TJob>(NpgsqlDataSource dataSource, JobTable table)
{
    private readonly string _claimable = $"({table.Claimable})";

    public JobTable Table => table;

    /// <summary>
    /// Takes a queued job whose retry time has come, or a running one whose lease ran out (and <c>failed</c> ones when
    /// <paramref name="includeFailed"/>: a user re-runs those, attempts starting over). A job that already used
    /// <paramref name="maxAttempts"/> is failed instead, however its attempts ended; null when nothing could be taken.
    /// </summary>
    public async Task<JobClaim<TJob>?> ClaimAsync(
        object id, string owner, TimeSpan lease, int maxAttempts, bool includeFailed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<ClaimableRow>(new CommandDefinition(
            $"""
            SELECT status, attempts, error_message AS error, claimed_by AS holder FROM {table.Name}
            WHERE id = @Id AND {_claimable}
              AND ((status = 'queued' AND (retry_at IS NULL OR retry_at <= now()))
                   OR (status = 'running' AND lease_until < now())
                   OR (@IncludeFailed AND status = 'failed'))
            FOR UPDATE SKIP LOCKED
            """,
            new { Id = id, IncludeFailed = includeFailed },
            transaction,
            cancellationToken: cancellationToken));
        if (found is null)
        {
            return null;
        }
        if (found.Status != JobStatus.Failed && found.Attempts >= maxAttempts)
        {
            var last = found.Status == JobStatus.Running
                ? $"worker {found.Holder} stopped without finishing (its process died or it lost its lease)"
                : found.Error ?? "without a reason";
            var reason = $"Gave up after {found.Attempts} attempts; the last one ended: {last}";
            await FailAsync(connection, transaction, id, null, reason, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new JobClaim<TJob>(default, found.Attempts, reason);
        }
        var job = await connection.QuerySingleAsync<TJob>(new CommandDefinition(
            $"""
            UPDATE {table.Name}
            SET status = 'running', claimed_by = @Owner, heartbeat_at = now(), lease_until = now() + @Lease,
                attempts = CASE WHEN status = 'failed' THEN 1 ELSE attempts + 1 END, error_message = NULL, retry_at = NULL,
                deferred_since = CASE WHEN status = 'failed' THEN NULL ELSE deferred_since END, updated_at = now(){Also(table.OnClaim)}
            WHERE id = @Id
            RETURNING {table.Returning}
            """,
            new { Id = id, Owner = owner, Lease = lease },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new JobClaim<TJob>(job, found.Status == JobStatus.Failed ? 1 : found.Attempts + 1, null);
    }

    /// <summary>
    /// Extends the lease of a job in hand (with the progress columns of <see cref="JobTable.OnProgress"/>); false when the
    /// job is no longer this owner's or no longer <see cref="JobTable.Claimable"/> (its run was cancelled).
    /// </summary>
    public async Task<bool> HeartbeatAsync(object id, string owner, TimeSpan lease, object? progress, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(progress);
        parameters.AddDynamicParams(new { Id = id, Owner = owner, Lease = lease });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {table.Name} SET heartbeat_at = now(), lease_until = now() + @Lease{(progress is null ? null : Also(table.OnProgress))}
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running' AND {_claimable}
            """,
            parameters,
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Puts a job in hand back in the queue. An interruption (shutdown) gives its attempt back; an error keeps it and is
    /// the job's visible reason until the next attempt.
    /// </summary>
    public async Task<bool> ReleaseAsync(object id, string owner, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {table.Name}
            SET status = 'queued', claimed_by = NULL, heartbeat_at = NULL, lease_until = NULL, error_message = @Error, updated_at = now(),
                attempts = CASE WHEN @Error IS NULL THEN attempts - 1 ELSE attempts END
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
            """,
            new { Id = id, Owner = owner, Error = error },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Puts a job that waits on something outside the platform back in the queue until <paramref name="retryAt"/>,
    /// without counting the attempt. Once it has waited for longer than <paramref name="window"/> it fails instead, naming
    /// what it waited for; returns whether it was deferred.
    /// </summary>
    public async Task<bool> DeferAsync(
        object id, string owner, DateTimeOffset retryAt, string reason, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var deferred = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {table.Name}
            SET status = 'queued', claimed_by = NULL, heartbeat_at = NULL, lease_until = NULL, error_message = @Reason,
                retry_at = @RetryAt, deferred_since = coalesce(deferred_since, now()), attempts = attempts - 1, updated_at = now()
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
              AND (deferred_since IS NULL OR deferred_since > now() - @Window)
            """,
            new { Id = id, Owner = owner, Reason = reason, RetryAt = retryAt, Window = window },
            cancellationToken: cancellationToken)) == 1;
        if (!deferred)
        {
            await FailAsync(id, owner, $"{reason} Gave up after waiting {window:g}.", cancellationToken);
        }
        return deferred;
    }

    /// <summary>Ends a queued or running job as failed with its reason (with <paramref name="owner"/>, only while that owner holds it).</summary>
    public async Task<bool> FailAsync(object id, string? owner, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var failed = await FailAsync(connection, transaction, id, owner, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return failed;
    }

    /// <summary>
    /// Ids to put (back) on the stream: deferred jobs whose retry time has come (taken once, whichever replica sweeps
    /// first) and jobs whose holder's lease ran out; with <paramref name="waiting"/> also queued jobs waiting for longer
    /// than <paramref name="lease"/> (their entry may have been lost), and all queued ones when <paramref name="everything"/>
    /// (the stream was lost).
    /// </summary>
    public async Task<IReadOnlyList<string>> FindToPublishAsync(TimeSpan lease, bool waiting, bool everything, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            $"""
            WITH due AS (
                UPDATE {table.Name} SET retry_at = NULL
                WHERE status = 'queued' AND retry_at <= now() AND {_claimable}
                RETURNING id)
            SELECT id::text FROM due
            UNION
            SELECT id::text FROM (
                SELECT id FROM {table.Name}
                WHERE {_claimable}
                  AND ((status = 'queued' AND retry_at IS NULL AND (@Everything OR (@Waiting AND updated_at < now() - @Lease)))
                       OR (status = 'running' AND lease_until < now()))
                ORDER BY id
                LIMIT 10000) AS waiting
            """,
            new { Lease = lease, Waiting = waiting, Everything = everything },
            cancellationToken: cancellationToken));
        return ids.AsList();
    }

    private async Task<bool> FailAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, object id, string? owner, string reason, CancellationToken cancellationToken)
    {
        var failed = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {table.Name}
            SET status = 'failed', heartbeat_at = NULL, lease_until = NULL, retry_at = NULL, error_message = @Error, updated_at = now(){Also(table.OnFail)}
            WHERE id = @Id AND status IN ('queued', 'running') AND (@Owner::text IS NULL OR claimed_by = @Owner)
            """,
            new { Id = id, Owner = owner, Error = reason },
            transaction,
            cancellationToken: cancellationToken)) == 1;
        if (failed && table.AfterFail is { } after)
        {
            await connection.ExecuteAsync(new CommandDefinition(after, new { Id = id, Error = reason }, transaction, cancellationToken: cancellationToken));
        }
        return failed;
    }

    private static string? Also(string? assignments) => assignments is null ? null : $", {assignments}";

    private sealed record ClaimableRow(string Status, int Attempts, string? Error, string? Holder);
}

/// <summary>
/// What a claim got: the job and its attempt number, or, when the job had used all its attempts, the reason it was failed
/// with instead (<see cref="Job"/> is then null).
/// </summary>
public sealed record JobClaim<TJob>(TJob? Job, int Attempt, string? ExhaustedReason);

/// <summary>The states every job table shares.</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Failed = "failed";
}
