using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Platform.Jobs;

/// <summary>
/// One kind of job: its stream (ids), its table (the truth), and how it runs. <see cref="EnqueueAsync"/> is called after
/// the job's row is committed; if Redis is away then, the reconciler enqueues it later.
/// </summary>
public sealed partial class JobQueue<TJob>(string name, JobStream stream, JobLedger<TJob> ledger, JobQueueOptions options, ILogger<JobQueue<TJob>> logger) : IJobQueue
{
    private readonly SemaphoreSlim _healRequested = new(0, 1);

    public string Name { get; } = name;

    public JobStream Stream { get; } = stream;

    public JobLedger<TJob> Ledger { get; } = ledger;

    public JobQueueOptions Options { get; } = options;

    /// <summary>What the last check of the stream found; null when it was readable.</summary>
    public string? Problem { get; internal set; }

    public async Task EnqueueAsync(string id)
    {
        try
        {
            await Stream.PublishAsync(id);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogEnqueueFailed(logger, id, Name, exception);
        }
    }

    /// <summary>Asks the reconciler to check the stream now: a worker found its group gone.</summary>
    internal void RequestHeal()
    {
        if (_healRequested.CurrentCount == 0)
        {
            try
            {
                _healRequested.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already requested.
            }
        }
    }

    internal Task<bool> WaitForHealRequestAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _healRequested.WaitAsync(timeout, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} is stored but not on {Stream} yet; the reconciler will enqueue it")]
    private static partial void LogEnqueueFailed(ILogger logger, string jobId, string stream, Exception exception);
}
