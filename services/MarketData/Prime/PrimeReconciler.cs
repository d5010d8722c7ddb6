using Platform.ServiceDefaults.Data;
using Platform.Jobs;

namespace Platform.MarketData.Prime;

/// <summary>Re-publishes backfill jobs that may have lost their stream entry.</summary>
internal sealed class PrimeReconciler(
    [FromKeyedServices(PrimeApi.StreamName)] JobStream stream,
    MigrationStatus migrations,
    PrimeJobStore jobs,
    ILogger<PrimeReconciler> logger) : StrandedJobReconciler(stream, migrations, logger)
{
    protected override async Task<IReadOnlyList<string>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        (await jobs.FindStrandedAsync(lease, cancellationToken)).Select(id => id.ToString()).ToList();
}
