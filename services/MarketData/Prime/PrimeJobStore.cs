using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Jobs;

namespace Platform.MarketData.Prime;

/// <summary>The <c>prime_jobs</c> table: the truth about every backfill.</summary>
internal sealed class PrimeJobStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, symbol, intervals, end_ms, load_limit, status, pages_total, pages_done, candles_stored, current_interval,
        cursors::text AS cursors, working_sets::text AS working_sets, errors, error_message, retry_at, attempts, created_at,
        started_at, finished_at
        """;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>Records a backfill: queued, or running under <paramref name="owner"/> (a request doing it at once) for <paramref name="lease"/>.</summary>
    public async Task<PrimeJob> CreateAsync(
        string symbol, IReadOnlyDictionary<string, PrimeRange> ranges, long endMs, int loadLimit, int pagesTotal, string status, string? owner, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<PrimeJob>(new CommandDefinition(
            $"""
            INSERT INTO prime_jobs (id, symbol, intervals, end_ms, load_limit, status, pages_total, cursors, claimed_by, heartbeat_at, lease_until, started_at, attempts)
            VALUES (@Id, @Symbol, @Intervals, @EndMs, @LoadLimit, @Status, @PagesTotal, @Cursors::jsonb, @Owner,
                    CASE WHEN @Owner IS NULL THEN NULL ELSE now() END, CASE WHEN @Owner IS NULL THEN NULL ELSE now() + @Lease END,
                    CASE WHEN @Owner IS NULL THEN NULL ELSE now() END, CASE WHEN @Owner IS NULL THEN 0 ELSE 1 END)
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
                Lease = lease,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<PrimeJob?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PrimeJob>(new CommandDefinition(
            $"SELECT {Columns} FROM prime_jobs WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>Backfills as jobs of the framework (docs/architecture.md, 3.2); a failure is also kept in the job's <c>errors</c>.</summary>
    public static JobTable Table { get; } = new("prime_jobs", JobKey.Uuid)
    {
        Returning = Columns,
        OnClaim = "started_at = coalesce(started_at, now())",
        OnFail = "finished_at = now(), errors = array_append(errors, @Error)",
    };

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
            SET status = 'completed', working_sets = @WorkingSets::jsonb, current_interval = NULL, claimed_by = NULL, lease_until = NULL,
                finished_at = now(), updated_at = now()
            WHERE id = @Id AND claimed_by = @Owner
            """,
            new { Id = id, Owner = owner, WorkingSets = JsonSerializer.Serialize(workingSets, Json) },
            cancellationToken: cancellationToken));
    }
}
