namespace Platform.Backtests.Queue;

/// <summary>
/// Settings under <c>Backtests:Queue</c>: the run queue's <see cref="Platform.Jobs.JobQueueOptions"/> (concurrency,
/// lease, attempts, retry window), and the lease of external workers.
/// </summary>
internal sealed class QueueOptions
{
    public const string Section = "Backtests:Queue";

    /// <summary>How long an external worker keeps a run between heartbeats (the original's own worker used 5 minutes).</summary>
    public TimeSpan ExternalLease { get; set; } = TimeSpan.FromMinutes(5);
}
