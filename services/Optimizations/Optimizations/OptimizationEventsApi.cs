using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Optimizations.Optimizations;

internal static class OptimizationEventsApi
{
    /// <summary>An optimization's state and the progress of its run as server-sent events, until the run ends (docs/api-behaviour.md, 3.11).</summary>
    public static RouteGroupBuilder MapOptimizationEventsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:long}/events", FollowAsync)
            .WithName("FollowOptimization")
            .Documented(
                "Follow an optimization's state and progress as server-sent events until its run ends",
                JobEvents.Description
                + "A grid counts combinations and chunks, a walk-forward its windows; the run ends `completed`, `failed` or `cancelled`. 404 \"Optimization not found\".")
            .WithResponseExample(OptimizationExamples.Events, contentType: JobEvents.ContentType)
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<JobEventStream<OptimizationView>, ProblemHttpResult>> FollowAsync(
        long id, OptimizationStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await ReadAsync(id, store, time, cancellationToken) is { } current
            ? new JobEventStream<OptimizationView>(current, token => ReadAsync(id, store, time, token))
            : OptimizationsApi.NotFound();

    private static async Task<JobState<OptimizationView>?> ReadAsync(long id, OptimizationStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } row
            ? new JobState<OptimizationView>(
                OptimizationView.From(row, time.GetUtcNow()),
                row.Status is OptimizationStatus.Completed or OptimizationStatus.Failed or OptimizationStatus.Cancelled,
                row)
            : null;
}
