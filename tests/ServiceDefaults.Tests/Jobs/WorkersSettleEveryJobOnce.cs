using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Jobs;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Redis;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests.Jobs;

/// <summary>
/// The job framework against real Redis and PostgreSQL with a worker whose jobs say how they end: done, failed for good,
/// released, crashing the handler, or slow enough to renew their lease; and a reconciler that finds stranded jobs.
/// </summary>
public sealed class WorkersSettleEveryJobOnce
{
    private const string Stream = "test:settle";
    private static readonly TimeSpan Lease = TimeSpan.FromMilliseconds(600);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task EachOutcomeEndsTheJobItsOwnWay()
    {
        var servers = await TestServers.GetAsync();
        var database = TestDatabase.NewName("jobs");
        var journal = new Journal();
        await using var app = await TestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:redis"] = servers.RedisConnectionString,
                ["ConnectionStrings:jobsdb"] = TestDatabase.ConnectionString(servers.PostgresConnectionString, database),
                [RedisExtensions.KeyPrefixKey] = $"{Guid.NewGuid():N}:",
            },
            builder =>
            {
                builder.AddPostgresDatabase("jobsdb", typeof(WorkersSettleEveryJobOnce).Assembly);
                builder.AddPlatformRedis("redis");
                builder.Services.AddJobStream(Stream, Lease);
                builder.Services.AddSingleton(journal);
                builder.Services.AddHostedService<OutcomeWorker>();
                builder.Services.AddHostedService<OnceStrandedReconciler>();
            });
        var stream = app.Services.GetRequiredKeyedService<JobStream>(Stream);
        await app.Services.GetRequiredService<MigrationStatus>().WaitAsync(CancellationToken.None);
        await stream.InitializeAsync();

        foreach (var job in (string[])["done-1", "fail-1", "release-1", "slow-1", "crash-1"])
        {
            await stream.PublishAsync(job);
        }
        await Eventually.ReturnsAsync(
            () => Task.FromResult(journal.Runs.Keys.ToHashSet()),
            ran => ran.IsSupersetOf(["done-1", "fail-1", "release-1", "slow-1", "crash-1", "stranded-1"])
                && journal.Runs["release-1"] == 2 && journal.Runs["slow-1"] == 1,
            Timeout, "every job to run");
        var deadLetters = await Eventually.ReturnsAsync(
            stream.ReadDeadLettersAsync, entries => entries.Length == 1, Timeout, "the failed job on the dead-letter stream");
        var depth = await Eventually.ReturnsAsync(
            stream.DepthAsync, now => now is { Waiting: 0, InFlight: 1 }, Timeout, "only the crashed job left in flight");

        Assert.Equal(1, journal.Runs["done-1"]);
        Assert.Equal(1, journal.Runs["fail-1"]);
        Assert.Equal(2, journal.Runs["release-1"]);
        Assert.Equal(1, journal.Runs["stranded-1"]);
        Assert.Contains(deadLetters[0].Values, field => field.Value == "fail-1");
        Assert.Contains(deadLetters[0].Values, field => field.Value == "bad input");
        Assert.Equal(new JobStreamDepth(0, 1), depth);
        Assert.True(journal.ReconcilerFailures > 0, "a failing search for stranded jobs is logged and tried again");
    }

    private sealed class Journal
    {
        public ConcurrentDictionary<string, int> Runs { get; } = new();

        public int ReconcilerFailures;
    }

    private sealed class OutcomeWorker(
        [FromKeyedServices(Stream)] JobStream stream, MigrationStatus migrations, Journal journal, ILogger<OutcomeWorker> logger)
        : JobStreamWorker(stream, migrations, concurrency: 2, logger)
    {
        protected override async Task<JobOutcome> RunAsync(JobMessage message, CancellationToken stoppingToken)
        {
            var runs = journal.Runs.AddOrUpdate(message.JobId, 1, (_, count) => count + 1);
            switch (message.JobId)
            {
                case "fail-1":
                    return JobOutcome.Failed("bad input");
                case "release-1" when runs == 1:
                    return JobOutcome.Released;
                case "slow-1":
                    // Three lease renewals' worth of work.
                    await Task.Delay(Lease * 1.2, stoppingToken);
                    return JobOutcome.Done;
                case "crash-1":
                    throw new InvalidOperationException("the handler crashed");
                default:
                    return JobOutcome.Done;
            }
        }
    }

    private sealed class OnceStrandedReconciler(
        [FromKeyedServices(Stream)] JobStream stream, MigrationStatus migrations, Journal journal, ILogger<OnceStrandedReconciler> logger)
        : StrandedJobReconciler(stream, migrations, logger)
    {
        private int _searches;

        protected override Task<IReadOnlyList<string>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _searches) == 1)
            {
                return Task.FromResult<IReadOnlyList<string>>(["stranded-1"]);
            }
            Interlocked.Increment(ref journal.ReconcilerFailures);
            throw new TimeoutException("PostgreSQL did not answer");
        }
    }
}
