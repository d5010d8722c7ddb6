using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Jobs;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.Optimizations.Overfitting;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Optimizations.Grid;

/// <summary>
/// Start a grid run (202 with its job id), also at the original path; and cancel a run (docs/api-behaviour.md, 3.7). Both
/// are the owner's or an admin's (docs/security.md, 3).
/// </summary>
internal static class GridApi
{
    public static RouteGroupBuilder MapGridApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/grid", StartAsync)
            .WithName("RunGrid")
            .Documented("Split the grid into chunks for every optimization worker (202)", "Body, all optional: `strategy_config`, `param_space` (each falls back to the optimization's `config` / `param_ranges`), "
                + "`metric`, `direction` (maximize|minimize, default the metric's natural one), constraints `min_trades` (≥ 0) and "
                + "`max_drawdown` (0–1), `pbo_partitions` (even, 2–20, default 16: the blocks of the overfitting odds reported on completion). The grid is cut into chunks of `Optimizations:Grid:ChunkSize` (50) positions of the space that every "
                + "replica's workers evaluate, skipping the combinations the strategy refuses; progress is on GET /{id}. 422 for bad values or an empty or oversized grid; 404; 403 for anyone but the owner "
                + "or an admin; 409 while a run is queued or running. 202 with `Location`.")
            .WithRequestExample(RunExamples.Grid)
            .WithResponseExample(RunExamples.GridStarted, StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/run/grid", StartAsync)
            .WithName("RunGridOriginalPath")
            .Documented("Alias of /grid (the original path)", "Body, all optional: `strategy_config`, `param_space` (each falls back to the optimization's `config` / `param_ranges`), "
                + "`metric`, `direction` (maximize|minimize, default the metric's natural one), constraints `min_trades` (≥ 0) and "
                + "`max_drawdown` (0–1), `pbo_partitions` (even, 2–20, default 16: the blocks of the overfitting odds reported on completion). The grid is cut into chunks of `Optimizations:Grid:ChunkSize` (50) positions of the space that every "
                + "replica's workers evaluate, skipping the combinations the strategy refuses; progress is on GET /{id}. 422 for bad values or an empty or oversized grid; 404; 403 for anyone but the owner "
                + "or an admin; 409 while a run is queued or running. 202 with `Location`.")
            .WithRequestExample(RunExamples.Grid)
            .WithResponseExample(RunExamples.GridStarted, StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/cancel", CancelAsync)
            .WithName("CancelOptimization")
            .Documented(
                "Stop the current run within seconds, keeping finished results",
                "Stops a queued or running grid or walk-forward run; the rows already evaluated stay. 409 when nothing runs; 404; 403 for "
                + "anyone but the owner or an admin.")
            .WithResponseExample(OptimizationExamples.Optimization)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Accepted<RunStarted>, ProblemHttpResult>> StartAsync(
        long id, GridRunRequest? request, ClaimsPrincipal user, [AsParameters] GridServices services, CancellationToken cancellationToken)
    {
        request ??= new GridRunRequest(null, null, null, null, null, null, null, null);
        var errors = new Dictionary<string, string[]>();
        RunInputs.Check(request.StrategyConfig, request.ParamSpace, request.Metric, request.Direction, request.MinTrades, request.MaxDrawdown, errors);
        var partitions = RunOverfitting.CheckPartitions(request.PboPartitions, errors);
        if (errors.Count > 0)
        {
            return OptimizationsApi.Unprocessable(errors);
        }
        var (optimization, refusal) = await OptimizationsApi.RunnableAsync(services.Store, id, user, cancellationToken);
        if (optimization is null)
        {
            return refusal!;
        }
        if (RunInputs.Resolve(
                optimization, request.StrategyConfig, request.ParamSpace, request.Metric, request.Direction, request.MinTrades, request.MaxDrawdown,
                services.Options.Value, errors) is not { } inputs)
        {
            return OptimizationsApi.Unprocessable(errors);
        }

        var started = await services.Runs.StartAsync(
            id, inputs.Spec, inputs.Ranges.GetRawText(), inputs.Config?.ToJsonString(), inputs.Combinations, inputs.SpaceSize, Math.Max(1, services.Options.Value.ChunkSize), partitions,
            cancellationToken);
        if (started is not { } run)
        {
            return TypedResults.Problem(
                "A run of this optimization is still queued or running; cancel it first.", statusCode: StatusCodes.Status409Conflict, title: "Already running");
        }
        foreach (var chunk in run.ChunkIds)
        {
            await services.Chunks.EnqueueAsync(chunk.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return TypedResults.Accepted(
            $"/api/v1/optimizations/{id}/runs/{run.RunId}",
            new RunStarted(run.Optimization.JobId!.Value.ToString(), id, run.RunId, "optimizations", OptimizationStatus.Queued, inputs.Combinations, run.ChunkIds.Count));
    }

    private static async Task<Results<Ok<OptimizationView>, ProblemHttpResult>> CancelAsync(
        long id, ClaimsPrincipal user, OptimizationStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (before, after) = await store.UpdateAsync(
            id,
            new OptimizationChange(id, OptimizationStatus.Cancelled, null, null, null, null),
            row => Ownership.MayChange(user, row.Owner) && OptimizationStatus.IsActive(row.Status),
            cancellationToken);
        if (before is null)
        {
            return OptimizationsApi.NotFound();
        }
        if (!Ownership.MayChange(user, before.Owner))
        {
            return OptimizationsApi.NotOwner(before.Owner);
        }
        return after is not null
            ? TypedResults.Ok(OptimizationView.From(after, time.GetUtcNow()))
            : TypedResults.Problem($"Nothing to cancel: the optimization is {before.Status}.", statusCode: StatusCodes.Status409Conflict, title: "Not running");
    }
}

/// <summary>The contract's answer to starting a run: the job id (<c>task_id</c>), with its size.</summary>
internal sealed record RunStarted(string TaskId, long OptimizationId, long RunId, string Queue, string Status, int TotalCombinations, int Chunks);

internal sealed record GridServices(
    OptimizationStore Store,
    GridRuns Runs,
    JobQueue<GridChunk> Chunks,
    IOptions<GridOptions> Options);
