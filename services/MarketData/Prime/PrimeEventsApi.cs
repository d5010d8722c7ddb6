using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.MarketData.Prime;

internal static class PrimeEventsApi
{
    /// <summary>A backfill's state and progress as server-sent events, until it is completed or failed (docs/api-behaviour.md, 4.17).</summary>
    public static RouteGroupBuilder MapPrimeEventsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/prime/{jobId}/events", FollowAsync)
            .WithName("FollowPrimeJob")
            .Documented(
                "Follow a backfill's state and progress as server-sent events until it ends",
                JobEvents.Description
                + "Progress moves with each page stored (`pages_done` of `pages_total`, `estimated_remaining_seconds`); the job ends `completed` or `failed`. 400 for a `job_id` that is not a UUID, 404 \"Backfill job not found\".")
            .WithResponseExample(PrimeExamples.Events, contentType: JobEvents.ContentType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
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
