using Platform.Jobs;
using Platform.ServiceDefaults.Data;

namespace Platform.MarketData.Ingest;

/// <summary>Re-publishes ingest jobs that may have lost their stream entry.</summary>
internal sealed class IngestReconciler(
    [FromKeyedServices(IngestApi.StreamName)] JobStream stream,
    MigrationStatus migrations,
    IngestJobStore jobs,
    ILogger<IngestReconciler> logger) : StrandedJobReconciler(stream, migrations, logger)
{
    protected override async Task<IReadOnlyList<string>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        (await jobs.FindStrandedAsync(lease, cancellationToken)).Select(id => id.ToString()).ToList();
}
