using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Jobs;
using Platform.ServiceDefaults.Redis;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests.Jobs;

/// <summary>
/// OpenTelemetry listens to meters by name: a host of another test class with job streams, running at the same time, would
/// register the same instruments first and hide this host's. This class runs alone.
/// </summary>
[Collection(nameof(JobQueuesReportTheirDepth))]
public sealed class JobQueuesReportTheirDepth
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task WaitingAndInFlightJobsFollowReadsAndAcknowledgementsAndReachMetricsOnceAGroupExists()
    {
        var servers = await TestServers.GetAsync();
        var name = $"test:jobs:{Guid.NewGuid():N}";
        // Sampled first, so it has been tried by the time the other stream's depth shows.
        var withoutWorkers = $"test:idle:{Guid.NewGuid():N}";
        await using var app = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = servers.RedisConnectionString },
            builder =>
            {
                builder.AddPlatformRedis("redis");
                builder.Services.AddJobStream(withoutWorkers, TimeSpan.FromMinutes(1));
                builder.Services.AddJobStream(name, TimeSpan.FromMinutes(1));
            });
        var stream = app.Services.GetRequiredKeyedService<JobStream>(name);
        await stream.InitializeAsync();

        foreach (var job in (string[])["1", "2", "3"])
        {
            await stream.PublishAsync(job);
        }
        var published = await stream.DepthAsync();
        var read = await stream.ReadAsync("worker-a", 1);
        var reading = await stream.DepthAsync();
        await stream.AcknowledgeAsync(read[0]);
        var acknowledged = await stream.DepthAsync();
        var metrics = await Eventually.ReturnsAsync(
            () => app.GetTestClient().GetStringAsync("/metrics"),
            text => Regex.IsMatch(text, $"jobs_queue_waiting\\{{[^}}]*stream=\"{name}\"[^}}]*\\}} 2\n"),
            Timeout, "the sampled depth on /metrics");

        Assert.Equal(new JobStreamDepth(3, 0), published);
        Assert.Equal(new JobStreamDepth(2, 1), reading);
        Assert.Equal(new JobStreamDepth(2, 0), acknowledged);
        Assert.DoesNotContain(withoutWorkers, metrics, StringComparison.Ordinal);
        Assert.Matches($"jobs_queue_in_flight\\{{[^}}]*stream=\"{name}\"[^}}]*\\}} 0\n", metrics);
        var (exitCode, output) = await Promtool.CheckMetricsAsync(metrics, CancellationToken.None);
        Assert.True(exitCode == 0, output);
    }
}

[CollectionDefinition(nameof(JobQueuesReportTheirDepth), DisableParallelization = true)]
public sealed class JobQueuesReportTheirDepthRunsAlone;
