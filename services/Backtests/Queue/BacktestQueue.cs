using System.Globalization;
using Platform.Backtests.Backtests;
using Platform.Jobs;

namespace Platform.Backtests.Queue;

/// <summary>Puts stored runs on the jobs stream (docs/architecture.md, 3), counting them for <c>/metrics</c>.</summary>
internal sealed class BacktestQueue(JobQueue<Backtest> jobs, BacktestMetrics metrics)
{
    public const string StreamName = "backtests:jobs";

    public Task EnqueueAsync(long id)
    {
        metrics.Queued();
        return jobs.EnqueueAsync(id.ToString(CultureInfo.InvariantCulture));
    }
}
