using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Tests.Backtests;
using Platform.Jobs;
using Platform.Testing;

namespace Platform.Backtests.Tests.Queue;

/// <summary>An API-only replica whose external claims last 3 s between heartbeats; workers run in replicas a test starts.</summary>
public sealed class ExternalWorkerFactory : BacktestsFactory
{
    public static readonly TimeSpan ExternalLease = TimeSpan.FromSeconds(3);

    protected override void Configure()
    {
        Set("Backtests:Queue:Concurrency", "0");
        Set("Backtests:Queue:Lease", "00:00:02");
        Set("Backtests:Queue:ExternalLease", ExternalLease.ToString());
    }
}

/// <summary>The heartbeat of the HTTP worker protocol (docs/api-behaviour.md, 2.8), with internal workers eager to take runs over.</summary>
public sealed class AnExternalWorkerKeepsItsClaimWhileItHeartbeats(ExternalWorkerFactory factory) : IClassFixture<ExternalWorkerFactory>
{
    private static readonly TimeSpan HeartbeatFor = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // Scheduling and the database round trips between the reconciler's pass and the new claim, on a loaded machine.
    private static readonly TimeSpan TakeoverTolerance = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task TwoMinutesOfHeartbeatsKeepTheClaimAndItsResultsAreAcceptedOnce()
    {
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "external-heartbeat");
        using (var claim = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "external-a" }))
        {
            Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        }
        // An external worker beats from its claim on, whatever else starts meanwhile: the replica below takes seconds to
        // start on a loaded machine, longer than the 3 s lease.
        var beating = HeartbeatAsync(client, id);
        await using var workers = await factory.StartReplicaAsync(("Backtests:Queue:Concurrency", "2"));

        var beats = await beating;
        var held = await BacktestRequests.GetAsync(client, id);
        using var results = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/results", WithWorker(WorkersClaimAndSubmitOverHttp.Results(trades: 2), "external-a"));
        var completed = JsonDocument.Parse(await results.Content.ReadAsStringAsync()).RootElement;
        using var retried = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/results", WithWorker(WorkersClaimAndSubmitOverHttp.Results(trades: 2), "external-a"));
        var again = JsonDocument.Parse(await retried.Content.ReadAsStringAsync()).RootElement;
        var trades = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/{id}/trades?limit=100")).RootElement;

        Assert.True(beats >= 100, $"{beats} heartbeats");
        Assert.Equal(("running", "external-a", 1), (held.GetProperty("status").GetString(), held.GetProperty("claimed_by").GetString(), held.GetProperty("attempts").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(completed.GetProperty("completed_at").GetDateTimeOffset(), again.GetProperty("completed_at").GetDateTimeOffset());
        Assert.Equal(2, trades.GetArrayLength());
    }

    /// <summary>Heartbeats every third of the lease for <see cref="HeartbeatFor"/>, each answered with a lease extended from it; their count.</summary>
    private static async Task<int> HeartbeatAsync(HttpClient client, long id)
    {
        var beats = 0;
        var until = DateTimeOffset.UtcNow + HeartbeatFor;
        using var timer = new PeriodicTimer(ExternalWorkerFactory.ExternalLease / 3);
        while (DateTimeOffset.UtcNow < until && await timer.WaitForNextTickAsync())
        {
            var sent = DateTimeOffset.UtcNow;
            using var beat = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/heartbeat", new JsonObject { ["worker_id"] = "external-a" });
            var received = DateTimeOffset.UtcNow;
            var answer = JsonDocument.Parse(await beat.Content.ReadAsStringAsync()).RootElement;
            Assert.True(beat.StatusCode == HttpStatusCode.OK, answer.ToString());
            Assert.InRange(answer.GetProperty("lease_until").GetDateTimeOffset(), sent + ExternalWorkerFactory.ExternalLease, received + ExternalWorkerFactory.ExternalLease);
            beats++;
        }
        return beats;
    }

    [Fact]
    public async Task AClaimWithoutHeartbeatsIsTakenOverAndItsLateResultsAreRefused()
    {
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "external-silent");
        DateTimeOffset leaseUntil;
        using (var claim = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "external-b" }))
        {
            leaseUntil = JsonDocument.Parse(await claim.Content.ReadAsStringAsync()).RootElement.GetProperty("backtest").GetProperty("lease_until").GetDateTimeOffset();
        }
        await using var workers = await factory.StartReplicaAsync(("Backtests:Queue:Concurrency", "2"));
        var workersReady = DateTimeOffset.UtcNow;

        var finished = await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", Timeout, "an internal worker to take the run over");
        using var late = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/results", WithWorker(WorkersClaimAndSubmitOverHttp.Results(trades: 2), "external-b"));
        using var beat = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/heartbeat", new JsonObject { ["worker_id"] = "external-b" });
        var anonymous = await BacktestRequests.ProblemAsync(client.PostAsJsonAsync($"/api/v1/backtests/{id}/heartbeat", new JsonObject()));

        Assert.NotEqual("external-b", finished.GetProperty("claimed_by").GetString());
        Assert.Equal(2, finished.GetProperty("attempts").GetInt32());
        // Taken over once the external lease ran out, at the reconciler's next pass after that or after the workers started.
        var takenOver = finished.GetProperty("claimed_at").GetDateTimeOffset();
        var earliest = leaseUntil > workersReady ? leaseUntil : workersReady;
        Assert.InRange(takenOver, leaseUntil, earliest + new JobQueueOptions().ReconcileInterval + TakeoverTolerance);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, beat.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, anonymous.Status);
        Assert.Equal(["worker_id"], BacktestRequests.ErrorFields(anonymous.Problem));
    }

    private static JsonObject WithWorker(JsonObject results, string worker)
    {
        results["worker_id"] = worker;
        return results;
    }

    private static async Task<long> QueuedAsync(HttpClient client, string strategyName)
    {
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, strategyName);
        return (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, hours: 200))).GetProperty("id").GetInt64();
    }
}
