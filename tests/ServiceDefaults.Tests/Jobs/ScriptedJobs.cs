using System.Collections.Concurrent;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Jobs;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Redis;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests.Jobs;

/// <summary>A row of <c>test_jobs</c>; its kind says how <see cref="ScriptedWorker"/> ends it.</summary>
public sealed record TestJob
{
    public long Id { get; init; }

    public string Kind { get; init; } = "";

    public int Attempts { get; init; }
}

/// <summary>How often each job ran, by id.</summary>
public sealed class RunJournal
{
    public ConcurrentDictionary<long, int> Runs { get; } = new();

    public int RunsOf(long id) => Runs.GetValueOrDefault(id);
}

/// <summary>A thrown outage outside the platform, as a Bybit outage is to a backtest.</summary>
public sealed class UpstreamDownException() : Exception("the exchange is down");

/// <summary>
/// Ends each job as its kind says: <c>done</c>; <c>bad</c> (cannot succeed); <c>flaky</c> (fails its first attempt);
/// <c>broken</c> (fails every attempt); <c>upstream</c> (its first attempt meets an outage); <c>down</c> (every attempt
/// meets one); <c>slow</c> (runs for three leases).
/// </summary>
public sealed class ScriptedWorker(JobQueue<TestJob> queue, MigrationStatus migrations, NpgsqlDataSource dataSource, RunJournal journal, ILogger<ScriptedWorker> logger)
    : JobWorker<TestJob>(queue, migrations, logger)
{
    protected override async Task<bool> RunAsync(TestJob job, JobContext context, CancellationToken cancellationToken)
    {
        journal.Runs.AddOrUpdate(job.Id, 1, (_, count) => count + 1);
        switch (job.Kind)
        {
            case "bad":
                throw new InvalidDataException("bad input");
            case "flaky" when context.Attempt == 1:
            case "broken":
                throw new IOException($"attempt {context.Attempt} broke");
            case "upstream" when journal.RunsOf(job.Id) == 1:
            case "down":
                throw new UpstreamDownException();
            case "slow":
                await Task.Delay(Options.Lease * 3, cancellationToken);
                break;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE test_jobs SET status = 'done', lease_until = NULL WHERE id = @Id AND claimed_by = @Owner AND status = 'running'",
            new { job.Id, context.Owner }) == 1;
    }

    protected override JobError Classify(Exception exception) => exception switch
    {
        InvalidDataException => JobError.Permanent(exception.Message),
        UpstreamDownException => JobError.Upstream(exception.Message, TimeSpan.FromSeconds(1)),
        _ => base.Classify(exception),
    };
}

/// <summary>A host with one test job queue over <c>test_jobs</c>, its own database and Redis key prefix.</summary>
internal static class ScriptedJobs
{
    public static readonly JobTable Table = new("test_jobs", JobKey.Int64) { Returning = "id, kind, attempts" };

    public static async Task<WebApplication> StartAsync(
        string postgres, string redis, string stream, RunJournal journal, IReadOnlyDictionary<string, string?>? options = null)
    {
        var database = TestDatabase.NewName("jobs");
        await TestDatabase.CreateAsync(postgres, database, CancellationToken.None);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis,
            ["ConnectionStrings:jobsdb"] = TestDatabase.ConnectionString(postgres, database),
            [RedisExtensions.KeyPrefixKey] = $"{Guid.NewGuid():N}:",
            ["Jobs:Lease"] = "00:00:01",
            ["Jobs:MaxAttempts"] = "3",
            ["Jobs:ReconcileInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in options ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var app = await TestHost.StartAsync(settings, builder =>
        {
            builder.AddPostgresDatabase("jobsdb", typeof(ScriptedJobs).Assembly);
            builder.AddPlatformRedis("redis");
            builder.Services.AddSingleton(journal);
            builder.AddJobQueue<TestJob, ScriptedWorker>(stream, Table, "Jobs");
        });
        await app.Services.GetRequiredService<MigrationStatus>().WaitAsync(CancellationToken.None);
        return app;
    }

    /// <summary>Stores a queued job of <paramref name="kind"/> and puts it on the stream, as a service does.</summary>
    public static async Task<long> EnqueueAsync(WebApplication app, string kind)
    {
        var id = await InsertAsync(app, kind);
        await app.Services.GetRequiredService<JobQueue<TestJob>>().EnqueueAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return id;
    }

    /// <summary>Stores a queued job without a stream entry, as when Redis lost it.</summary>
    public static async Task<long> InsertAsync(WebApplication app, string kind)
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("INSERT INTO test_jobs (kind) VALUES (@Kind) RETURNING id", new { Kind = kind });
    }

    public static async Task<TestJobRow> RowAsync(WebApplication app, long id)
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.QuerySingleAsync<TestJobRow>(
            "SELECT id, status, attempts, error_message, retry_at FROM test_jobs WHERE id = @Id", new { Id = id });
    }
}

public sealed record TestJobRow
{
    public long Id { get; init; }

    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public string? ErrorMessage { get; init; }

    public DateTime? RetryAt { get; init; }
}
