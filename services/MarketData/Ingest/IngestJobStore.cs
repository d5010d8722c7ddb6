using Dapper;
using Npgsql;
using Platform.Jobs;

namespace Platform.MarketData.Ingest;

/// <summary>The <c>ingest_jobs</c> table: the truth about every ingest run as a job.</summary>
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

    /// <summary>
    /// Ingests as jobs of the framework (docs/architecture.md, 3.2): heartbeats show the bytes read; a job that fails for
    /// good gets a problem document unless it already has the file's own.
    /// </summary>
    public static JobTable Table { get; } = new("ingest_jobs", JobKey.Uuid)
    {
        Returning = Columns,
        OnClaim = "started_at = coalesce(started_at, now()), bytes_read = 0",
        OnProgress = "bytes_read = @BytesRead",
        OnFail = "finished_at = now(), error = coalesce(error, jsonb_build_object('status', 500, 'title', 'The ingest failed', 'detail', @Error || ' Nothing was written.'))",
    };

    /// <summary>
    /// Ends the job: <c>completed</c> with its report, or <c>failed</c> with its problem (JSON text); false when the job is
    /// no longer <paramref name="owner"/>'s.
    /// </summary>
    public async Task<bool> FinishAsync(Guid id, string owner, string? report, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ingest_jobs
            SET status = CASE WHEN @Report IS NULL THEN 'failed' ELSE 'completed' END, report = @Report::jsonb, error = @Error::jsonb,
                bytes_read = CASE WHEN @Report IS NULL THEN bytes_read ELSE bytes_total END, claimed_by = NULL, lease_until = NULL,
                finished_at = now(), updated_at = now()
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
            """,
            new { Id = id, Owner = owner, Report = report, Error = error },
            cancellationToken: cancellationToken)) == 1;
    }
}
