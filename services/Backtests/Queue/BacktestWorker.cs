using Platform.Backtests.Backtests;
using Platform.Candles;
using Platform.Jobs;
using Platform.ServiceDefaults.Data;

namespace Platform.Backtests.Queue;

/// <summary>Runs backtests from the jobs stream: the engine over the run's candles, results written in one transaction.</summary>
internal sealed class BacktestWorker(
    JobQueue<Backtest> queue,
    MigrationStatus migrations,
    BacktestRuns runs,
    BacktestMetrics metrics,
    IServiceScopeFactory scopes,
    ILogger<BacktestWorker> logger)
    : JobWorker<Backtest>(queue, migrations, logger)
{
    protected override async Task<bool> RunAsync(Backtest backtest, JobContext context, CancellationToken cancellationToken)
    {
        metrics.Started(backtest.ClaimedAt!.Value - backtest.CreatedAt);
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<BacktestRunner>().RunAsync(backtest, cancellationToken);
        return await runs.CompleteAsync(backtest.Id, context.Owner, outcome, cancellationToken) is not null;
    }

    protected override JobError Classify(Exception exception) => exception switch
    {
        RunFailedException => JobError.Permanent(exception.Message),
        CandleFeedException candles => candles.ToJobError(),
        _ => base.Classify(exception),
    };

    protected override void OnEnded(Backtest backtest, JobEnd end) =>
        metrics.Ended(end switch
        {
            JobEnd.Completed => BacktestStatus.Completed,
            JobEnd.Failed => BacktestStatus.Failed,
            _ => BacktestStatus.Queued,
        });
}
