using Dapper;
using Npgsql;

namespace Platform.MarketData.Ingest;

/// <summary>The <c>ingest_jobs</c> table: the truth about every ingest run as a job, claimed atomically by one worker at a time.</summary>
internal sealed class IngestJobStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, upload_id, symbol, interval, format, strict, status, bytes_total, bytes_read, report::text AS report,
        error::text AS error, attempts, created_at, started_at, finished_at
        """;

    public async Task<IngestJob> CreateAsync(Guid uploadId, IngestSettings settings, long bytesTotal, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<IngestJob>(new CommandDefinition(
            $"""
            INSERT INTO ingest_jobs (id, upload_id, symbol, interval, format, strict, status, bytes_total)
            VALUES (@Id, @UploadId, @Symbol, @Interval, @Format, @Strict, 'queued', @BytesTotal)
            RETURNING {Columns}
            """,
            new
            {
                Id = Guid.CreateVersion7(),
                UploadId = uploadId,
                settings.Symbol,
                Interval = settings.Interval.Code,
                Format = settings.Format.ToString().ToLowerInvariant(),
                settings.Strict,
                BytesTotal = bytesTotal,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IngestJob?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IngestJob>(new CommandDefinition(
            $"SELECT {Columns} FROM ingest_jobs WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>Takes a queued job, or a running one whose worker went silent for longer than the lease.</summary>
    public async Task<IngestJob?> TryClaimAsync(Guid id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IngestJob>(new CommandDefinition(
            $"""
            UPDATE ingest_jobs
            SET status = 'running', claimed_by = @Owner, heartbeat_at = now(), started_at = coalesce(started_at, now()),
                bytes_read = 0, attempts = attempts + 1
            WHERE id = @Id AND (status = 'queued' OR (status = 'running' AND heartbeat_at < now() - @Lease))
            RETURNING {Columns}
            """,
            new { Id = id, Owner = owner, Lease = lease },
            cancellationToken: cancellationToken));
    }

    /// <summary>Shows how far the job has read and keeps its claim alive.</summary>
    public async Task HeartbeatAsync(Guid id, string owner, long bytesRead, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ingest_jobs SET heartbeat_at = now(), bytes_read = @BytesRead WHERE id = @Id AND claimed_by = @Owner AND status = 'running'",
            new { Id = id, Owner = owner, BytesRead = bytesRead },
            cancellationToken: cancellationToken));
    }

    /// <summary>Ends the job: <c>completed</c> with its report, or <c>failed</c> with its problem (JSON text).</summary>
    public async Task FinishAsync(Guid id, string owner, string? report, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ingest_jobs
            SET status = CASE WHEN @Report IS NULL THEN 'failed' ELSE 'completed' END, report = @Report::jsonb, error = @Error::jsonb,
                bytes_read = CASE WHEN @Report IS NULL THEN bytes_read ELSE bytes_total END, claimed_by = NULL, finished_at = now()
            WHERE id = @Id AND claimed_by = @Owner
            """,
            new { Id = id, Owner = owner, Report = report, Error = error },
            cancellationToken: cancellationToken));
    }

    /// <summary>Puts a job back in the queue; one stopped by a shutdown gets its attempt back.</summary>
    public async Task ReleaseAsync(Guid id, string owner, bool countAttempt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ingest_jobs
            SET status = 'queued', claimed_by = NULL, heartbeat_at = NULL, attempts = CASE WHEN @CountAttempt THEN attempts ELSE attempts - 1 END
            WHERE id = @Id AND claimed_by = @Owner
            """,
            new { Id = id, Owner = owner, CountAttempt = countAttempt },
            cancellationToken: cancellationToken));
    }

    /// <summary>Unfinished jobs that may have no stream entry: queued for a while, or running under a silent worker.</summary>
    public async Task<IReadOnlyList<Guid>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT id FROM ingest_jobs
            WHERE (status = 'queued' AND created_at < now() - @Lease)
               OR (status = 'running' AND heartbeat_at < now() - @Lease)
            """,
            new { Lease = lease },
            cancellationToken: cancellationToken));
        return ids.AsList();
    }
}
