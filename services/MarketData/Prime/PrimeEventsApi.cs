using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Events;

namespace Platform.MarketData.Prime;

internal static class PrimeEventsApi
{
    /// <summary>A backfill's state and progress as server-sent events, until it is completed or failed (docs/api-behaviour.md, 4.17).</summary>
    public static RouteGroupBuilder MapPrimeEventsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/prime/{jobId}/events", FollowAsync)
            .WithName("FollowPrimeJob")
            .WithSummary("Follow a backfill's state and progress as server-sent events until it ends");
        return group;
    }

    private static async Task<Results<JobEventStream<PrimeJobView>, ProblemHttpResult, ValidationProblem>> FollowAsync(
        string jobId, PrimeJobStore jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(jobId, out var id))
        {
            return PrimeApi.InvalidJobId();
        }
        return await ReadAsync(id, jobs, time, cancellationToken) is { } current
            ? new JobEventStream<PrimeJobView>(current, token => ReadAsync(id, jobs, time, token))
            : PrimeApi.JobNotFound(id);
    }

    private static async Task<JobState<PrimeJobView>?> ReadAsync(Guid id, PrimeJobStore jobs, TimeProvider time, CancellationToken cancellationToken) =>
        await jobs.GetAsync(id, cancellationToken) is { } job
            ? new JobState<PrimeJobView>(PrimeJobView.From(job, time.GetUtcNow()), job.Status is PrimeStatus.Completed or PrimeStatus.Failed, job)
            : null;
}
