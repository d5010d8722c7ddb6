using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Data;

namespace Platform.Jobs;

/// <summary>
/// Every lease period, re-publishes unfinished jobs that may have lost their stream entry (created while Redis was down,
/// or running under a worker that died). Claims are atomic in PostgreSQL, so an extra entry is harmless.
/// </summary>
public abstract partial class StrandedJobReconciler(JobStream stream, MigrationStatus migrations, ILogger logger) : BackgroundService
{
    /// <summary>Ids of jobs queued for longer than the lease, or running under a worker silent for longer than the lease.</summary>
    protected abstract Task<IReadOnlyList<string>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(stream.Lease);
        do
        {
            try
            {
                foreach (var id in await FindStrandedAsync(stream.Lease, stoppingToken))
                {
                    await stream.PublishAsync(id);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReconcileFailed(logger, exception);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-publish stranded jobs")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);
}
