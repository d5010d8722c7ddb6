using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Data;

namespace Platform.Jobs;

/// <summary>
/// Runs the jobs of one <see cref="JobQueue{TJob}"/> with <see cref="JobQueueOptions.Concurrency"/> loops: claims each in
/// PostgreSQL (attempts limited at claim), heartbeats while it runs (extending the lease, renewing the stream entry, and
/// stopping the job when it is cancelled or taken over), then completes, fails (dead letter), releases or defers it. A
/// kind of job only says how to run one and what its errors mean.
/// </summary>
public abstract partial class JobWorker<TJob>(JobQueue<TJob> queue, MigrationStatus migrations, ILogger logger) : BackgroundService
    where TJob : class
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ErrorBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ShortestDeferral = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDeferral = TimeSpan.FromMinutes(5);

    /// <summary>This worker's name on claims: machine, process and instance, so that an operator can find its process.</summary>
    protected string Consumer { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected JobQueueOptions Options => queue.Options;

    /// <summary>The queue this worker takes its jobs from, for a job that leads to further jobs of its kind.</summary>
    protected JobQueue<TJob> Queue => queue;

    /// <summary>
    /// Runs a claimed job and writes its result only while <paramref name="context"/>'s owner still holds it; false when
    /// the write was refused. <paramref name="cancellationToken"/> ends when the worker stops or the job is no longer its.
    /// </summary>
    protected abstract Task<bool> RunAsync(TJob job, JobContext context, CancellationToken cancellationToken);

    /// <summary>What an exception of <see cref="RunAsync"/> means; by default another attempt may succeed.</summary>
    protected virtual JobError Classify(Exception exception) => JobError.Transient(exception.Message);

    /// <summary>Called once a claimed job has left this worker.</summary>
    protected virtual void OnEnded(TJob job, JobEnd end)
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (queue.Options.Concurrency <= 0)
        {
            return;
        }
        await migrations.WaitAsync(stoppingToken);
        while (true)
        {
            try
            {
                await queue.Stream.InitializeAsync();
                break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLoopFailed(logger, queue.Name, exception);
                await Task.Delay(ErrorBackoff, stoppingToken);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, queue.Options.Concurrency).Select(_ => ReadLoopAsync(stoppingToken)));
    }

    private async Task ReadLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = await queue.Stream.ReadAsync(Consumer, 1);
                if (messages.Count == 0)
                {
                    await queue.Stream.WaitAsync(PollInterval, stoppingToken);
                    continue;
                }
                await HandleAsync(messages[0], stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (JobStreamLostException exception)
            {
                queue.Problem = exception.Message;
                queue.RequestHeal();
                await Task.Delay(ErrorBackoff / 4, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception exception)
            {
                // Redis or PostgreSQL unreachable: a job in hand is taken over once its lease runs out.
                LogLoopFailed(logger, queue.Name, exception);
                await Task.Delay(ErrorBackoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task HandleAsync(JobMessage message, CancellationToken stoppingToken)
    {
        var options = queue.Options;
        if (queue.Ledger.Table.Key.Parse(message.JobId) is not { } id
            || await queue.Ledger.ClaimAsync(id, Consumer, options.Lease, options.MaxAttempts, includeFailed: false, stoppingToken) is not { } claim)
        {
            await queue.Stream.AcknowledgeAsync(message);
            return;
        }
        if (claim.Job is null)
        {
            LogJobFailed(logger, message.JobId, claim.ExhaustedReason);
            await queue.Stream.DeadLetterAsync(message, claim.ExhaustedReason!);
            return;
        }

        var (end, reason) = await RunClaimedAsync(id, message, claim, stoppingToken);
        OnEnded(claim.Job, end);
        switch (end)
        {
            case JobEnd.Failed:
                LogJobFailed(logger, message.JobId, reason);
                await queue.Stream.DeadLetterAsync(message, reason!);
                break;
            case JobEnd.Released:
                await queue.Stream.AcknowledgeAsync(message);
                await queue.Stream.PublishAsync(message.JobId);
                break;
            default:
                await queue.Stream.AcknowledgeAsync(message);
                break;
        }
    }

    private async Task<(JobEnd End, string? Reason)> RunClaimedAsync(object id, JobMessage message, JobClaim<TJob> claim, CancellationToken stoppingToken)
    {
        var context = new JobContext(Consumer, claim.Attempt);
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var beat = new CancellationTokenSource();
        var beating = HeartbeatAsync(id, message, context, held, beat.Token);
        try
        {
            if (await RunAsync(claim.Job!, context, held.Token))
            {
                return (JobEnd.Completed, null);
            }
            // The work finished after the job was cancelled or taken over, before a heartbeat noticed: its write was refused.
            LogJobAbandoned(logger, message.JobId);
            return (JobEnd.Abandoned, null);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await queue.Ledger.ReleaseAsync(id, Consumer, null, CancellationToken.None);
            return (JobEnd.Released, null);
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            LogJobAbandoned(logger, message.JobId);
            return (JobEnd.Abandoned, null);
        }
        catch (Exception exception)
        {
            await beat.CancelAsync();
            return await EndWithErrorAsync(id, claim, Classify(exception));
        }
        finally
        {
            await beat.CancelAsync();
            await beating;
        }
    }

    private async Task<(JobEnd End, string? Reason)> EndWithErrorAsync(object id, JobClaim<TJob> claim, JobError error)
    {
        var ledger = queue.Ledger;
        var options = queue.Options;
        switch (error.Kind)
        {
            case JobErrorKind.Upstream:
                var wait = TimeSpan.FromTicks(Math.Clamp(error.RetryAfter.Ticks, ShortestDeferral.Ticks, LongestDeferral.Ticks));
                return await ledger.DeferAsync(id, Consumer, DateTimeOffset.UtcNow + wait, error.Reason, options.RetryWindow, CancellationToken.None)
                    ? (JobEnd.Deferred, null)
                    : (JobEnd.Failed, $"{error.Reason} Gave up after waiting {options.RetryWindow:g}.");
            case JobErrorKind.Transient when claim.Attempt < options.MaxAttempts:
                return await ledger.ReleaseAsync(id, Consumer, error.Reason, CancellationToken.None) ? (JobEnd.Released, null) : (JobEnd.Abandoned, null);
            default:
                var reason = error.Kind == JobErrorKind.Permanent
                    ? error.Reason
                    : $"Gave up after {claim.Attempt} attempts; the last one ended: {error.Reason}";
                return await ledger.FailAsync(id, Consumer, reason, CancellationToken.None) ? (JobEnd.Failed, reason) : (JobEnd.Abandoned, null);
        }
    }

    /// <summary>Extends the lease and renews the stream entry; cancels <paramref name="held"/> when the job is no longer this worker's.</summary>
    private async Task HeartbeatAsync(object id, JobMessage message, JobContext context, CancellationTokenSource held, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(queue.Options.Heartbeat);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    if (!await queue.Ledger.HeartbeatAsync(id, Consumer, queue.Options.Lease, context.Progress, cancellationToken))
                    {
                        await held.CancelAsync();
                        return;
                    }
                    await queue.Stream.RenewAsync(Consumer, message);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database or Redis is away for a moment; the lease holds until the next beat.
                    LogHeartbeatFailed(logger, message.JobId, exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Queue} worker loop failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} failed for good: {Reason}")]
    private static partial void LogJobFailed(ILogger logger, string jobId, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} stopped: it was cancelled or is no longer this worker's")]
    private static partial void LogJobAbandoned(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not extend the lease of job {JobId}")]
    private static partial void LogHeartbeatFailed(ILogger logger, string jobId, Exception exception);
}
