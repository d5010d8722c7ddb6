using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Platform.Jobs;

/// <summary>
/// Queue figures on the <c>Platform.Jobs</c> meter per stream: <c>jobs.queue.waiting</c>, <c>jobs.queue.in_flight</c>,
/// <c>jobs.queue.dead</c> and <c>jobs.queue.oldest_waiting_age</c>, sampled from Redis in the background because gauges are
/// read synchronously at scrape time.
/// </summary>
internal sealed partial class JobQueueMetrics : BackgroundService
{
    public const string MeterName = "Platform.Jobs";

    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<JobStream> _streams;
    private readonly ConcurrentDictionary<string, JobStreamDepth> _depths = new(StringComparer.Ordinal);
    private readonly ILogger<JobQueueMetrics> _logger;

    public JobQueueMetrics(IEnumerable<IJobQueue> queues, IMeterFactory meterFactory, ILogger<JobQueueMetrics> logger)
    {
        _streams = [.. queues.Select(queue => queue.Stream)];
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("jobs.queue.waiting", () => Measure(depth => depth.Waiting), "{job}", "Jobs on the stream that no worker has read yet.");
        meter.CreateObservableGauge("jobs.queue.in_flight", () => Measure(depth => depth.InFlight), "{job}", "Jobs a worker has read and not yet acknowledged.");
        meter.CreateObservableGauge("jobs.queue.dead", () => Measure(depth => depth.Dead), "{job}", "Jobs that failed for good, on the dead-letter stream.");
        meter.CreateObservableGauge(
            "jobs.queue.oldest_waiting_age", () => Measure(depth => depth.OldestWaiting.TotalSeconds), "s", "How long the oldest job no worker has read yet has waited.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SampleInterval);
        do
        {
            foreach (var stream in _streams)
            {
                try
                {
                    if (await stream.DepthAsync() is { } depth)
                    {
                        _depths[stream.Name] = depth;
                    }
                }
                catch (Exception exception) when (exception is RedisException or TimeoutException)
                {
                    // Redis is away (readiness reports it), or the stream does not exist before its first job.
                    LogSampleFailed(stream.Name, exception.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private IEnumerable<Measurement<T>> Measure<T>(Func<JobStreamDepth, T> value)
        where T : struct =>
        _depths.Select(depth => new Measurement<T>(value(depth.Value), new KeyValuePair<string, object?>("stream", depth.Key)));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not sample the depth of {Stream}: {Reason}")]
    private partial void LogSampleFailed(string stream, string reason);
}
