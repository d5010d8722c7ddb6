using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Data;
using Platform.Jobs;

namespace Platform.Backtests.Queue;

/// <summary>
/// Runs backtests from the jobs stream: claims atomically in PostgreSQL, runs, writes the results in one transaction, then
/// acknowledges. A run that cannot succeed, or that failed <see cref="QueueOptions.MaxAttempts"/> times, ends failed on the
/// dead-letter stream; one interrupted by shutdown goes back to the queue.
/// </summary>
internal sealed class BacktestWorker(
    [FromKeyedServices(BacktestQueue.StreamName)] JobStream stream,
    MigrationStatus migrations,
    BacktestRuns runs,
    BacktestMetrics metrics,
    IServiceScopeFactory scopes,
    IOptions<QueueOptions> options,
    ILogger<BacktestWorker> logger)
    : JobStreamWorker(stream, migrations, options.Value.Concurrency, logger)
{
    protected override async Task<JobOutcome> RunAsync(JobMessage message, CancellationToken stoppingToken)
    {
        if (!long.TryParse(message.JobId, System.Globalization.CultureInfo.InvariantCulture, out var id)
            || await runs.TryClaimAsync(id, Consumer, options.Value.Lease, allowFailed: false, stoppingToken) is not { } backtest)
        {
            return JobOutcome.Skipped;
        }
        metrics.Started(backtest.ClaimedAt!.Value - backtest.CreatedAt);
        var status = Backtests.BacktestStatus.Queued;
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var beating = BeatAsync(id, heartbeat.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<BacktestRunner>().RunAsync(backtest, stoppingToken);
            if (await runs.CompleteAsync(id, Consumer, outcome, stoppingToken) is null)
            {
                return JobOutcome.Skipped;
            }
            status = Backtests.BacktestStatus.Completed;
            return JobOutcome.Done;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await runs.ReleaseAsync(id, Consumer, countAttempt: false, null, CancellationToken.None);
            return JobOutcome.Released;
        }
        catch (Exception exception) when (exception is RunFailedException || backtest.Attempts >= options.Value.MaxAttempts)
        {
            await runs.FailAsync(id, Consumer, exception.Message, CancellationToken.None);
            status = Backtests.BacktestStatus.Failed;
            return JobOutcome.Failed(exception.Message);
        }
        catch (Exception exception)
        {
            // Market data or the database failed on the way: another attempt may succeed.
            await runs.ReleaseAsync(id, Consumer, countAttempt: true, exception.Message, CancellationToken.None);
            return JobOutcome.Released;
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
            metrics.Ended(status);
        }
    }

    private async Task BeatAsync(long id, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken) && await runs.HeartbeatAsync(id, Consumer, cancellationToken))
            {
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }
}
