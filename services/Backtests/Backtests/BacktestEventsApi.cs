using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Backtests.Backtests;

internal static class BacktestEventsApi
{
    /// <summary>A backtest's state as server-sent events, until the run is completed or failed (docs/api-behaviour.md, 2.16).</summary>
    public static RouteGroupBuilder MapBacktestEventsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:long}/events", FollowAsync)
            .WithName("FollowBacktest")
            .Documented(
                "Follow a backtest's state as server-sent events until it is completed or failed",
                JobEvents.Description
                + "A run reports no progress of its own, so events follow its status (queued, running, retries) to `completed` or `failed`. 404 \"Backtest not found\".")
            .WithResponseExample(BacktestExamples.Events, contentType: JobEvents.ContentType)
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<JobEventStream<BacktestView>, ProblemHttpResult>> FollowAsync(
        long id, BacktestStore store, CancellationToken cancellationToken) =>
        await ReadAsync(id, store, cancellationToken) is { } current
            ? new JobEventStream<BacktestView>(current, token => ReadAsync(id, store, token))
            : BacktestInput.NotFound();

    /// <summary>A heartbeat only moves the lease: that is not an event.</summary>
    private static async Task<JobState<BacktestView>?> ReadAsync(long id, BacktestStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } row
            ? new JobState<BacktestView>(
                BacktestView.From(row),
                row.Status is BacktestStatus.Completed or BacktestStatus.Failed,
                row with { LeaseUntil = null })
            : null;
}
