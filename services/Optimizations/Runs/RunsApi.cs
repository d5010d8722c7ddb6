using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Optimizations.Optimizations;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Optimizations.Runs;

/// <summary>The runs of an optimization, newest first, and one run with its settings, progress and outcome.</summary>
internal static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:long}/runs", ListAsync)
            .WithName("ListOptimizationRuns")
            .Documented(
                "Every run of an optimization, newest first",
                "Grids, walk-forwards, searches and Monte Carlo runs, each with its kind, settings, status, progress, timings and best "
                + "parameters. `limit` 1–1000 (default 100), `offset` ≥ 0; `total` counts every run. 400 for bad values, 404 unknown optimization.")
            .WithResponseExample(RunViewExamples.List)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/runs/{run:long}", GetAsync)
            .WithName("GetOptimizationRun")
            .Documented(
                "One run of an optimization",
                "Its kind, the settings it ran with, status, progress (`done` of `total`: combinations, trials, windows or simulations), "
                + "timings, best parameters and score, and its result document once it has one. 404 for an unknown optimization or a run of another.")
            .WithResponseExample(RunViewExamples.Run)
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<RunList>, ValidationProblem, ProblemHttpResult>> ListAsync(
        long id, int? limit, int? offset, OptimizationStore store, OptimizationRuns runs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (offset is < 0 || limit is < 1 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be 1–1000 and offset 0 or more."] });
        }
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return OptimizationsApi.NotFound();
        }
        var (items, total) = await runs.ListAsync(id, limit ?? 100, offset ?? 0, cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new RunList([.. items.Select(run => RunView.From(run, now))], total));
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetAsync(
        long id, long run, OptimizationStore store, OptimizationRuns runs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return OptimizationsApi.NotFound();
        }
        return await runs.GetAsync(id, run, cancellationToken) is { } found ? TypedResults.Ok(RunView.From(found, time.GetUtcNow())) : NotFound(id, run);
    }

    public static ProblemHttpResult NotFound(long id, long run) =>
        TypedResults.Problem($"Optimization {id} has no run {run}.", statusCode: StatusCodes.Status404NotFound, title: "Run not found");
}
