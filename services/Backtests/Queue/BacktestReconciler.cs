using System.Globalization;
using Platform.ServiceDefaults.Data;
using Platform.Jobs;

namespace Platform.Backtests.Queue;

/// <summary>Re-publishes runs that may have lost their stream entry (created while Redis was down, or held by a dead worker).</summary>
internal sealed class BacktestReconciler(
    [FromKeyedServices(BacktestQueue.StreamName)] JobStream stream,
    MigrationStatus migrations,
    BacktestRuns runs,
    ILogger<BacktestReconciler> logger) : StrandedJobReconciler(stream, migrations, logger)
{
    protected override async Task<IReadOnlyList<string>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        (await runs.FindStrandedAsync(lease, cancellationToken)).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
}
