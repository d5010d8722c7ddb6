using Microsoft.Extensions.Options;
using Platform.MarketData.Bybit;
using Platform.ServiceDefaults.Data;
using Platform.Jobs;

namespace Platform.MarketData.Prime;

/// <summary>Runs backfill jobs from the prime stream, each in its own DI scope; any number of replicas share the stream.</summary>
internal sealed class PrimeWorker(
    [FromKeyedServices(PrimeApi.StreamName)] JobStream stream,
    MigrationStatus migrations,
    PrimeJobStore jobs,
    IServiceScopeFactory scopes,
    IOptions<PrimeOptions> options,
    ILogger<PrimeWorker> logger)
    : JobStreamWorker(stream, migrations, options.Value.Concurrency, logger)
{
    protected override async Task<JobOutcome> RunAsync(JobMessage message, CancellationToken stoppingToken)
    {
        if (!Guid.TryParse(message.JobId, out var id)
            || await jobs.TryClaimAsync(id, Consumer, options.Value.Lease, stoppingToken) is not { } job)
        {
            return JobOutcome.Skipped;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<PrimeRunner>();
            return await runner.RunAsync(job, Consumer, stoppingToken) is null ? JobOutcome.Skipped : JobOutcome.Done;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await jobs.ReleaseAsync(id, Consumer, null, CancellationToken.None);
            return JobOutcome.Released;
        }
        catch (BybitException exception) when (exception.IsPermanent || job.Attempts >= options.Value.MaxAttempts)
        {
            await jobs.FailAsync(id, Consumer, exception.Message, CancellationToken.None);
            return JobOutcome.Failed(exception.Message);
        }
        catch (BybitException exception)
        {
            await jobs.ReleaseAsync(id, Consumer, exception.Message, CancellationToken.None);
            return JobOutcome.Released;
        }
    }
}
