using Platform.ServiceDefaults.Data;
using Platform.Jobs;

namespace Platform.Optimizations.WalkForward;

/// <summary>Re-publishes walk-forward runs that may have lost their stream entry.</summary>
internal sealed class WalkForwardReconciler(
    [FromKeyedServices(WalkForwardWorker.StreamName)] JobStream stream,
    MigrationStatus migrations,
    WalkForwardRuns runs,
    ILogger<WalkForwardReconciler> logger) : StrandedJobReconciler(stream, migrations, logger)
{
    protected override Task<IReadOnlyList<string>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        runs.FindStrandedAsync(lease, cancellationToken);
}
