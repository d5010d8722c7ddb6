using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Jobs;

namespace Platform.MarketData.Prime;

/// <summary>
/// Re-publishes unfinished jobs that may have lost their stream entry (created while Redis was down, or running under a
/// worker that died); claims are atomic in PostgreSQL, so an extra entry is harmless.
/// </summary>
internal sealed partial class PrimeReconciler(
    [FromKeyedServices(PrimeApi.StreamName)] JobStream stream,
    MigrationStatus migrations,
    PrimeJobStore jobs,
    IOptions<PrimeOptions> options,
    ILogger<PrimeReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Lease);
        do
        {
            try
            {
                foreach (var id in await jobs.FindStrandedAsync(options.Value.Lease, stoppingToken))
                {
                    await stream.PublishAsync(id.ToString());
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-publish stranded backfill jobs")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);
}
