using Platform.Jobs;
using Platform.MarketData.Bybit;
using Platform.ServiceDefaults.Data;

namespace Platform.MarketData.Prime;

/// <summary>Runs backfill jobs from the prime stream, each in its own DI scope; any number of replicas share the stream.</summary>
internal sealed class PrimeWorker(JobQueue<PrimeJob> queue, MigrationStatus migrations, IServiceScopeFactory scopes, ILogger<PrimeWorker> logger)
    : JobWorker<PrimeJob>(queue, migrations, logger)
{
    protected override async Task<bool> RunAsync(PrimeJob job, JobContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrimeRunner>().RunAsync(job, context.Owner, cancellationToken) is not null;
    }

    /// <summary>An unknown symbol fails the job; Bybit down (circuit open, banned) defers it; other Bybit errors are retried.</summary>
    protected override JobError Classify(Exception exception) => exception switch
    {
        BybitException { IsPermanent: true } => JobError.Permanent(exception.Message),
        BybitException { Kind: BybitErrorKind.Unavailable } bybit => JobError.Upstream($"Bybit is unavailable: {bybit.Message}", bybit.RetryAfter ?? TimeSpan.Zero),
        _ => base.Classify(exception),
    };
}
