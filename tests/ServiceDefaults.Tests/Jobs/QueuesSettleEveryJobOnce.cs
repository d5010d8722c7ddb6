using System.Diagnostics;
using System.Net;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Jobs;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Tests.Jobs;

/// <summary>
/// The job framework against real PostgreSQL and Redis, with a worker whose jobs say how they end (<see cref="ScriptedWorker"/>).
/// </summary>
public sealed class QueuesSettleEveryJobOnce
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EachEndingLeavesItsJobInTheRightStateAfterTheRightNumberOfRuns()
    {
        var servers = await TestServers.GetAsync();
        var journal = new RunJournal();
        var stream = $"test:jobs:{Guid.NewGuid():N}";
        await using var app = await ScriptedJobs.StartAsync(servers.PostgresConnectionString, servers.RedisConnectionString, stream, journal);
        var ids = new Dictionary<string, long>();
        foreach (var kind in (string[])["done", "bad", "flaky", "broken", "upstream", "slow"])
        {
            ids[kind] = await ScriptedJobs.EnqueueAsync(app, kind);
        }

        var deferred = await Eventually.ReturnsAsync(
            () => ScriptedJobs.RowAsync(app, ids["upstream"]), row => row.RetryAt is not null, Timeout, "the job that met an outage to be deferred");
        var rows = await Eventually.ReturnsAsync(
            async () => await Task.WhenAll(ids.Values.Select(id => ScriptedJobs.RowAsync(app, id))),
            all => all.All(row => row.Status is "done" or "failed"),
            Timeout, "every job to end");
        var row = rows.ToDictionary(job => job.Id);
        var deadLetters = await app.Services.GetRequiredService<JobQueue<TestJob>>().Stream.ReadDeadLettersAsync();

        Assert.Equal(("done", 1), (row[ids["done"]].Status, journal.RunsOf(ids["done"])));
        Assert.Equal(("failed", 1, "bad input"), (row[ids["bad"]].Status, journal.RunsOf(ids["bad"]), row[ids["bad"]].ErrorMessage));
        Assert.Equal(("done", 2), (row[ids["flaky"]].Status, journal.RunsOf(ids["flaky"])));
        Assert.Equal(
            ("failed", 3, "Gave up after 3 attempts; the last one ended: attempt 3 broke"),
            (row[ids["broken"]].Status, journal.RunsOf(ids["broken"]), row[ids["broken"]].ErrorMessage));
        Assert.Equal(("queued", "the exchange is down"), (deferred.Status, deferred.ErrorMessage));
        Assert.Equal(("done", 2, 1), (row[ids["upstream"]].Status, journal.RunsOf(ids["upstream"]), row[ids["upstream"]].Attempts));
        Assert.Equal(("done", 1), (row[ids["slow"]].Status, journal.RunsOf(ids["slow"])));
        Assert.Equal(
            [$"{ids["bad"]}:bad input", $"{ids["broken"]}:Gave up after 3 attempts; the last one ended: attempt 3 broke"],
            deadLetters.Select(entry => $"{entry["job"]}:{entry["reason"]}").Order());
    }

    [Fact]
    public async Task AJobWhoseWorkerVanishedIsTakenOverOrFailedAtTheAttemptLimit()
    {
        var servers = await TestServers.GetAsync();
        var journal = new RunJournal();
        var stream = $"test:jobs:{Guid.NewGuid():N}";
        await using var app = await ScriptedJobs.StartAsync(servers.PostgresConnectionString, servers.RedisConnectionString, stream, journal);
        // As a SIGKILLed worker leaves them: running, claimed, its lease run out, nobody to acknowledge its entry.
        var orphan = await InsertVanishedAsync(app, attempts: 1);
        var exhausted = await InsertVanishedAsync(app, attempts: 3);

        var rows = await Eventually.ReturnsAsync(
            async () => (await ScriptedJobs.RowAsync(app, orphan), await ScriptedJobs.RowAsync(app, exhausted)),
            both => both.Item1.Status == "done" && both.Item2.Status == "failed",
            Timeout, "the reconciler to hand both jobs to a worker");
        var deadLetters = await Eventually.ReturnsAsync(
            app.Services.GetRequiredService<JobQueue<TestJob>>().Stream.ReadDeadLettersAsync, entries => entries.Length == 1, Timeout, "the dead letter");

        Assert.Equal((1, 2), (journal.RunsOf(orphan), rows.Item1.Attempts));
        Assert.Equal(0, journal.RunsOf(exhausted));
        Assert.Equal(
            "Gave up after 3 attempts; the last one ended: worker ghost:1:x stopped without finishing (its process died or it lost its lease)",
            rows.Item2.ErrorMessage);
        Assert.Equal(exhausted.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)deadLetters[0]["job"]);
    }

    [Fact]
    public async Task AJobWaitingOnAnOutageFailsOnceItsRetryWindowIsOver()
    {
        var servers = await TestServers.GetAsync();
        var journal = new RunJournal();
        await using var app = await ScriptedJobs.StartAsync(
            servers.PostgresConnectionString, servers.RedisConnectionString, $"test:jobs:{Guid.NewGuid():N}", journal,
            new Dictionary<string, string?> { ["Jobs:RetryWindow"] = "00:00:02" });
        var down = await ScriptedJobs.EnqueueAsync(app, "down");
        var done = await ScriptedJobs.EnqueueAsync(app, "done");

        var failed = await Eventually.ReturnsAsync(() => ScriptedJobs.RowAsync(app, down), row => row.Status == "failed", Timeout, "the retry window to end");

        Assert.Equal("done", (await ScriptedJobs.RowAsync(app, done)).Status);
        Assert.Equal("the exchange is down Gave up after waiting 0:00:02.", failed.ErrorMessage);
        Assert.Equal(1, failed.Attempts);
        Assert.InRange(journal.RunsOf(down), 2, 4);
    }

    [Fact]
    public async Task ADeletedStreamIsRecreatedAndItsQueuedJobsRunWithinSeconds()
    {
        var servers = await TestServers.GetAsync();
        var journal = new RunJournal();
        var stream = $"test:jobs:{Guid.NewGuid():N}";
        await using var app = await ScriptedJobs.StartAsync(servers.PostgresConnectionString, servers.RedisConnectionString, stream, journal);
        var before = await ScriptedJobs.EnqueueAsync(app, "done");
        await Eventually.ReturnsAsync(() => ScriptedJobs.RowAsync(app, before), row => row.Status == "done", Timeout, "the first job");

        // What a Redis restart without persistence, FLUSHALL or eviction does to a stream: its key and group are gone.
        var redis = app.Services.GetRequiredService<IDatabase>();
        await redis.KeyDeleteAsync(stream);
        var watch = Stopwatch.StartNew();
        var lost = await ScriptedJobs.InsertAsync(app, "done");
        var after = await ScriptedJobs.EnqueueAsync(app, "done");
        await Eventually.ReturnsAsync(
            async () => (await ScriptedJobs.RowAsync(app, lost), await ScriptedJobs.RowAsync(app, after)),
            both => both.Item1.Status == "done" && both.Item2.Status == "done",
            TimeSpan.FromSeconds(5), "both jobs after the stream was deleted");

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal((1, 1), (journal.RunsOf(lost), journal.RunsOf(after)));
        Assert.Equal(HttpStatusCode.OK, (await app.GetTestClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task AQueueIsUnreadyWhileRedisIsDownAndRunsItsJobsAfterARestartThatLostEverything()
    {
        await using var servers = await ThrowawayServers.StartAsync(CancellationToken.None);
        var journal = new RunJournal();
        var stream = $"test:jobs:{Guid.NewGuid():N}";
        await using var app = await ScriptedJobs.StartAsync(servers.Postgres.ConnectionString(), servers.Redis.ConnectionString, stream, journal);
        var client = app.GetTestClient();
        await Eventually.ReturnsAsync(() => client.GetAsync("/health/ready"), response => response.IsSuccessStatusCode, Timeout, "readiness");

        await servers.Redis.StopAsync();
        var unready = await Eventually.ReturnsAsync(
            () => client.GetAsync("/health/ready"),
            response => response.StatusCode == HttpStatusCode.ServiceUnavailable, Timeout, "the queue to be unready");
        var report = await unready.Content.ReadAsStringAsync();
        var queued = await ScriptedJobs.EnqueueAsync(app, "done");
        await servers.RestartRedisAsync(CancellationToken.None);
        await Eventually.ReturnsAsync(() => ScriptedJobs.RowAsync(app, queued), row => row.Status == "done", Timeout, "the job queued while Redis was down");

        Assert.Contains(stream, report, StringComparison.Ordinal);
        Assert.Equal(1, journal.RunsOf(queued));
        await Eventually.ReturnsAsync(() => client.GetAsync("/health/ready"), response => response.IsSuccessStatusCode, Timeout, "readiness again");
    }

    private static async Task<long> InsertVanishedAsync(WebApplication app, int attempts)
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO test_jobs (kind, status, claimed_by, heartbeat_at, lease_until, attempts)
            VALUES ('done', 'running', 'ghost:1:x', now() - interval '1 minute', now() - interval '1 second', @Attempts)
            RETURNING id
            """,
            new { Attempts = attempts });
    }
}
