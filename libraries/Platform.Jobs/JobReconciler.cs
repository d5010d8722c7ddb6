using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Data;

namespace Platform.Jobs;

/// <summary>
/// Keeps a queue whole, on every replica: each <see cref="JobQueueOptions.ReconcileInterval"/> (or at once when a worker
/// finds its group gone) it re-creates a lost stream or consumer group and re-enqueues every queued job, puts deferred jobs
/// whose retry time has come and jobs of dead workers back on the stream, and once a lease also queued jobs that may have
/// lost their entry. Claims are atomic in PostgreSQL, so an entry too many is harmless.
/// </summary>
internal sealed partial class JobReconciler<TJob>(JobQueue<TJob> queue, MigrationStatus migrations, ILogger<JobReconciler<TJob>> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.WaitAsync(stoppingToken);
        var sinceSweep = Stopwatch.StartNew();
        var started = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var lost = await queue.Stream.EnsureGroupAsync();
                if (lost && started)
                {
                    LogStreamRecreated(logger, queue.Name);
                }
                var sweep = lost || sinceSweep.Elapsed >= queue.Options.Lease;
                var ids = await queue.Ledger.FindToPublishAsync(queue.Options.Lease, waiting: sweep, everything: lost, stoppingToken);
                foreach (var id in ids)
                {
                    await queue.Stream.PublishAsync(id);
                }
                if (lost && ids.Count > 0)
                {
                    LogReenqueued(logger, ids.Count, queue.Name);
                }
                if (sweep)
                {
                    sinceSweep.Restart();
                }
                queue.Problem = null;
                started = true;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                queue.Problem = $"{queue.Name} cannot be read: {exception.Message}";
                LogReconcileFailed(logger, queue.Name, exception);
            }
            try
            {
                await queue.WaitForHealRequestAsync(queue.Options.ReconcileInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stream {Stream} or its consumer group was gone; re-created it")]
    private static partial void LogStreamRecreated(ILogger logger, string stream);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-enqueued {Count} jobs on {Stream}")]
    private static partial void LogReenqueued(ILogger logger, int count, string stream);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reconcile {Stream}")]
    private static partial void LogReconcileFailed(ILogger logger, string stream, Exception exception);
}
