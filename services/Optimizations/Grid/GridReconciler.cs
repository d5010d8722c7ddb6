using System.Globalization;
using Platform.ServiceDefaults.Data;
using Platform.Jobs;

namespace Platform.Optimizations.Grid;

/// <summary>Re-publishes chunks of live runs that may have lost their stream entry.</summary>
internal sealed class GridReconciler(
    [FromKeyedServices(GridWorker.StreamName)] JobStream stream,
    MigrationStatus migrations,
    GridRuns runs,
    ILogger<GridReconciler> logger) : StrandedJobReconciler(stream, migrations, logger)
{
    protected override async Task<IReadOnlyList<string>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        (await runs.FindStrandedAsync(lease, cancellationToken)).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
}
