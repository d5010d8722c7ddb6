using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Optimizations.Charts;
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
        group.MapGet("/{id:long}/runs/{run:long}/export", ExportAsync)
            .WithName("ExportOptimizationRun")
            .Documented(
                "A run as CSV",
                "A grid or a search: every result (its `trial` for a search, its parameters, `score` and metrics), in trial order. A "
                + "walk-forward: every window with its dates, parameters and in- and out-of-sample figures (nested names joined by dots). "
                + "A Monte Carlo: the percentile bands of its equity paths by trades taken. 404 for an unknown optimization or run.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithResponseExample(RunViewExamples.Export, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/runs/{run:long}/charts/{chart}", ChartAsync)
            .WithName("ChartOptimizationRun")
            .Documented(
                "A chart of a run, as a Plotly figure or a PNG",
                "`chart`: `heatmap` (a grid or a search: the best score over parameters `x` and `y`, by default the first two in name "
                + "order), `equity` (a walk-forward: out-of-sample equity, a dotted line where each test window starts) or `fan` (a Monte "
                + "Carlo: the 5–95 and 25–75 percentile bands of the paths and their median). `format` json (default: the Plotly figure) or "
                + "png (1200 × 600). 404 for an unknown optimization, run or chart, or a chart of another kind of run; 409 before the run "
                + "has its result; 422 for bad `x`, `y` or `format`.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["image/png"])
            .WithResponseExample(RunViewExamples.Heatmap, contentType: "application/json")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<IResult> ExportAsync(
        long id, long run, OptimizationStore store, OptimizationRuns runs, RunExport export, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return OptimizationsApi.NotFound();
        }
        if (await runs.GetAsync(id, run, cancellationToken) is not { } found)
        {
            return NotFound(id, run);
        }
        return TypedResults.Stream(
            stream => export.WriteAsync(found, stream, cancellationToken), "text/csv; charset=utf-8", $"optimization-{id}-run-{run}.csv");
    }

    private static async Task<IResult> ChartAsync(
        long id, long run, string chart, string? x, string? y, string? format, OptimizationStore store, OptimizationRuns runs, RunCharts charts,
        CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "png"))
        {
            return OptimizationsApi.Unprocessable(new Dictionary<string, string[]> { ["format"] = ["format must be json or png."] });
        }
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return OptimizationsApi.NotFound();
        }
        if (await runs.GetAsync(id, run, cancellationToken) is not { } found)
        {
            return NotFound(id, run);
        }
        if (Array.IndexOf(RunCharts.Names, chart) < 0)
        {
            return TypedResults.Problem(
                $"There is no chart '{chart}': the charts are {string.Join(", ", RunCharts.Names)}.", statusCode: StatusCodes.Status404NotFound, title: "Chart not found");
        }
        var outcome = await charts.BuildAsync(found, chart, x, y, cancellationToken);
        return outcome switch
        {
            { Figure: { } figure } when format == "png" => TypedResults.File(ChartImage.Png(figure), "image/png"),
            { Figure: { } figure } => TypedResults.Json(figure.ToPlotly()),
            { Status: StatusCodes.Status422UnprocessableEntity } => OptimizationsApi.Unprocessable(new Dictionary<string, string[]> { [outcome.Field!] = [outcome.Problem!] }),
            _ => TypedResults.Problem(outcome.Problem, statusCode: outcome.Status),
        };
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
