using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Platform.Jobs;

/// <summary>
/// Queue lengths on the <c>Platform.Jobs</c> meter: <c>jobs.queue.waiting</c> and <c>jobs.queue.in_flight</c> per
/// stream, sampled from Redis in the background because gauges are read synchronously at scrape time.
/// </summary>
internal sealed partial class JobQueueMetrics : BackgroundService
{
    public const string MeterName = "Platform.Jobs";

    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<JobStream> _streams;
    private readonly ConcurrentDictionary<string, JobStreamDepth> _depths = new(StringComparer.Ordinal);
    private readonly ILogger<JobQueueMetrics> _logger;

    public JobQueueMetrics(IServiceProvider services, IOptions<JobStreamRegistry> registry, IMeterFactory meterFactory, ILogger<JobQueueMetrics> logger)
    {
        _streams = [.. registry.Value.Names.Distinct().Select(services.GetRequiredKeyedService<JobStream>)];
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("jobs.queue.waiting", () => Measure(depth => depth.Waiting), "{job}", "Jobs on the stream that no worker has read yet.");
        meter.CreateObservableGauge("jobs.queue.in_flight", () => Measure(depth => depth.InFlight), "{job}", "Jobs a worker has read and not yet acknowledged.");
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

    private IEnumerable<Measurement<long>> Measure(Func<JobStreamDepth, long> value) =>
        _depths.Select(depth => new Measurement<long>(value(depth.Value), new KeyValuePair<string, object?>("stream", depth.Key)));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not sample the depth of {Stream}: {Reason}")]
    private partial void LogSampleFailed(string stream, string reason);
}
