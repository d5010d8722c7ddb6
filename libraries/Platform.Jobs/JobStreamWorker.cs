using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Data;

namespace Platform.Jobs;

/// <summary>
/// Reads a <see cref="JobStream"/> with <paramref name="concurrency"/> loops, keeps the lease of the entry in hand alive,
/// acknowledges only after the job's outcome is committed by <see cref="RunAsync"/>, dead-letters failed jobs, and
/// re-publishes a job released on shutdown so another worker picks it up at once. A concurrency of 0 makes an API-only
/// replica that reads nothing.
/// </summary>
public abstract partial class JobStreamWorker(JobStream stream, MigrationStatus migrations, int concurrency, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ErrorBackoff = TimeSpan.FromSeconds(1);

    protected string Consumer { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Claims and runs the job; on cancellation it must release its claim and return <see cref="JobOutcome.Released"/>.</summary>
    protected abstract Task<JobOutcome> RunAsync(JobMessage message, CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (concurrency <= 0)
        {
            return;
        }
        await migrations.WaitAsync(stoppingToken);
        await stream.InitializeAsync();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => ReadLoopAsync(stoppingToken)));
    }

    private async Task ReadLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = await stream.ReadAsync(Consumer, 1);
                if (messages.Count == 0)
                {
                    await stream.WaitAsync(PollInterval, stoppingToken);
                    continue;
                }
                await HandleAsync(messages[0], stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Redis or PostgreSQL unreachable: the entry stays pending and is taken over once its lease runs out.
                LogLoopFailed(logger, exception);
                await Task.Delay(ErrorBackoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task HandleAsync(JobMessage message, CancellationToken stoppingToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewLeaseAsync(message, renewal.Token);
        JobOutcome outcome;
        try
        {
            outcome = await RunAsync(message, stoppingToken);
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }

        switch (outcome.Kind)
        {
            case JobOutcomeKind.Failed:
                LogJobFailed(logger, message.JobId, outcome.Reason);
                await stream.DeadLetterAsync(message, outcome.Reason ?? "failed");
                break;
            case JobOutcomeKind.Released:
                await stream.AcknowledgeAsync(message);
                await stream.PublishAsync(message.JobId);
                break;
            default:
                await stream.AcknowledgeAsync(message);
                break;
        }
    }

    private async Task RenewLeaseAsync(JobMessage message, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(stream.Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await stream.RenewAsync(Consumer, message);
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
        catch (Exception exception)
        {
            LogRenewFailed(logger, message.JobId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job stream loop failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} failed for good: {Reason}")]
    private static partial void LogJobFailed(ILogger logger, string jobId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease of job {JobId}")]
    private static partial void LogRenewFailed(ILogger logger, string jobId, Exception exception);
}
