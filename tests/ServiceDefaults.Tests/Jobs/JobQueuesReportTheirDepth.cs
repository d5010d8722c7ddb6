using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Jobs;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests.Jobs;

/// <summary>
/// OpenTelemetry listens to meters by name: a host of another test class with job queues, running at the same time, would
/// register the same instruments first and hide this host's. This class runs alone.
/// </summary>
[Collection(nameof(JobQueuesReportTheirDepth))]
public sealed class JobQueuesReportTheirDepth
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task WaitingInFlightAndDeadJobsFollowTheStreamAndReachMetrics()
    {
        var servers = await TestServers.GetAsync();
        var name = $"test:jobs:{Guid.NewGuid():N}";
        await using var app = await ScriptedJobs.StartAsync(
            servers.PostgresConnectionString, servers.RedisConnectionString, name, new RunJournal(),
            new Dictionary<string, string?> { ["Jobs:Concurrency"] = "0" });
        var stream = app.Services.GetRequiredService<JobQueue<TestJob>>().Stream;
        await stream.InitializeAsync();

        foreach (var job in (string[])["1", "2", "3"])
        {
            await stream.PublishAsync(job);
        }
        var published = await stream.DepthAsync();
        var read = await stream.ReadAsync("worker-a", 2);
        var reading = await stream.DepthAsync();
        await stream.AcknowledgeAsync(read[0]);
        await stream.DeadLetterAsync(read[1], "failed for good");
        var settled = await stream.DepthAsync();
        var metrics = await Eventually.ReturnsAsync(
            () => app.GetTestClient().GetStringAsync("/metrics"),
            text => Regex.IsMatch(text, $"jobs_queue_waiting\\{{[^}}]*stream=\"{name}\"[^}}]*\\}} 1\n")
                && Regex.IsMatch(text, $"jobs_queue_dead\\{{[^}}]*stream=\"{name}\"[^}}]*\\}} 1\n"),
            Timeout, "the sampled depth on /metrics");

        Assert.Equal((3, 0, 0), (published!.Waiting, published.InFlight, published.Dead));
        Assert.InRange(published.OldestWaiting, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal((1, 2, 0), (reading!.Waiting, reading.InFlight, reading.Dead));
        Assert.Equal((1, 0, 1), (settled!.Waiting, settled.InFlight, settled.Dead));
        Assert.Matches($"jobs_queue_in_flight\\{{[^}}]*stream=\"{name}\"[^}}]*\\}} 0\n", metrics);
        Assert.Matches($"jobs_queue_oldest_waiting_age_seconds\\{{[^}}]*stream=\"{name}\"[^}}]*\\}} ", metrics);
        var (exitCode, output) = await Promtool.CheckMetricsAsync(metrics, CancellationToken.None);
        Assert.True(exitCode == 0, output);
    }
}

[CollectionDefinition(nameof(JobQueuesReportTheirDepth), DisableParallelization = true)]
public sealed class JobQueuesReportTheirDepthRunsAlone;
