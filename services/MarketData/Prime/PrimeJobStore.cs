using System.Text.Json;
using Dapper;
using Npgsql;

namespace Platform.MarketData.Prime;

/// <summary>The <c>prime_jobs</c> table: the truth about every backfill, claimed atomically by one worker at a time.</summary>
internal sealed class PrimeJobStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, symbol, intervals, end_ms, load_limit, status, pages_total, pages_done, candles_stored, current_interval,
        cursors::text AS cursors, working_sets::text AS working_sets, errors, attempts, created_at, started_at, finished_at
        """;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public NpgsqlDataSource DataSource => dataSource;

    public async Task<PrimeJob> CreateAsync(
        string symbol, IReadOnlyDictionary<string, PrimeRange> ranges, long endMs, int loadLimit, int pagesTotal, string status, string? owner, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<PrimeJob>(new CommandDefinition(
            $"""
            INSERT INTO prime_jobs (id, symbol, intervals, end_ms, load_limit, status, pages_total, cursors, claimed_by, heartbeat_at, started_at, attempts)
            VALUES (@Id, @Symbol, @Intervals, @EndMs, @LoadLimit, @Status, @PagesTotal, @Cursors::jsonb, @Owner,
                    CASE WHEN @Owner IS NULL THEN NULL ELSE now() END, CASE WHEN @Owner IS NULL THEN NULL ELSE now() END,
                    CASE WHEN @Owner IS NULL THEN 0 ELSE 1 END)
            RETURNING {Columns}
            """,
            new
            {
                Id = Guid.CreateVersion7(),
                Symbol = symbol,
                Intervals = ranges.Keys.ToArray(),
                EndMs = endMs,
                LoadLimit = loadLimit,
                Status = status,
                PagesTotal = pagesTotal,
                Cursors = JsonSerializer.Serialize(ranges, Json),
                Owner = owner,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<PrimeJob?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PrimeJob>(new CommandDefinition(
            $"SELECT {Columns} FROM prime_jobs WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>Takes a queued job, or a running one whose worker went silent for longer than the lease.</summary>
    public async Task<PrimeJob?> TryClaimAsync(Guid id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PrimeJob>(new CommandDefinition(
            $"""
            UPDATE prime_jobs
            SET status = 'running', claimed_by = @Owner, heartbeat_at = now(), started_at = coalesce(started_at, now()), attempts = attempts + 1
            WHERE id = @Id AND (status = 'queued' OR (status = 'running' AND heartbeat_at < now() - @Lease))
            RETURNING {Columns}
            """,
            new { Id = id, Owner = owner, Lease = lease },
            cancellationToken: cancellationToken));
    }

    /// <summary>Moves the cursor of one interval after a stored page, in the page's transaction; false when the claim was lost.</summary>
    public static async Task<bool> RecordPageAsync(
        NpgsqlConnection connection, Guid id, string owner, string interval, PrimeRange remaining, long stored, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE prime_jobs
            SET pages_done = pages_done + 1, candles_stored = candles_stored + @Stored, current_interval = @Interval,
                cursors = jsonb_set(cursors, ARRAY[@Interval], @Remaining::jsonb), heartbeat_at = now()
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
            """,
            new { Id = id, Owner = owner, Interval = interval, Remaining = JsonSerializer.Serialize(remaining, Json), Stored = stored },
            cancellationToken: cancellationToken)) == 1;

    public async Task CompleteAsync(Guid id, string owner, IReadOnlyDictionary<string, int> workingSets, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE prime_jobs
            SET status = 'completed', working_sets = @WorkingSets::jsonb, current_interval = NULL, claimed_by = NULL, finished_at = now()
            WHERE id = @Id AND claimed_by = @Owner
            """,
            new { Id = id, Owner = owner, WorkingSets = JsonSerializer.Serialize(workingSets, Json) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Puts a job back in the queue, keeping its cursors, with the reason when it stopped on an error.</summary>
    public async Task ReleaseAsync(Guid id, string owner, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE prime_jobs
            SET status = 'queued', claimed_by = NULL, heartbeat_at = NULL,
                errors = CASE WHEN @Error IS NULL THEN errors ELSE array_append(errors, @Error) END,
                attempts = CASE WHEN @Error IS NULL THEN attempts - 1 ELSE attempts END
            WHERE id = @Id AND claimed_by = @Owner
            """,
            new { Id = id, Owner = owner, Error = error },
            cancellationToken: cancellationToken));
    }

    public async Task FailAsync(Guid id, string owner, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE prime_jobs
            SET status = 'failed', errors = array_append(errors, @Error), claimed_by = NULL, finished_at = now()
            WHERE id = @Id AND claimed_by = @Owner
            """,
            new { Id = id, Owner = owner, Error = error },
            cancellationToken: cancellationToken));
    }

    /// <summary>Unfinished jobs that may have no stream entry: queued for a while, or running under a silent worker.</summary>
    public async Task<IReadOnlyList<Guid>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT id FROM prime_jobs
            WHERE (status = 'queued' AND created_at < now() - @Lease)
               OR (status = 'running' AND heartbeat_at < now() - @Lease)
            """,
            new { Lease = lease },
            cancellationToken: cancellationToken));
        return ids.AsList();
    }
}
