using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Engine.Data;
using Platform.Jobs;
using Platform.Optimizations.Grid;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Optimizations.WalkForward;

/// <summary>
/// Start a walk-forward run (202 with its job id), also at the original path (docs/api-behaviour.md, 3.8); the owner's or
/// an admin's (docs/security.md, 3).
/// </summary>
internal static class WalkForwardApi
{
    public static RouteGroupBuilder MapWalkForwardApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/walk-forward", StartAsync)
            .WithName("RunWalkForward")
            .Documented("Grid on each in-sample window, best parameters out of sample (202)", "The grid body plus `train_size`, `test_size`, `step_size` (defaults 120, 60, 30; > 0), `unit` (days default, or bars) and "
                + "`mode` (rolling default, or anchored). Per window: the grid on the in-sample candles, then the best combination on the "
                + "out-of-sample candles; the result adds efficiency, parameter stability, an overfitting verdict and the stitched equity. "
                + "422 for bad values or a period too short for one window; 404; 403 for anyone but the owner or an admin; 409 while a run "
                + "is live. 202 with `Location`.")
            .WithRequestExample(RunExamples.WalkForward)
            .WithResponseExample(RunExamples.WalkForwardStarted, StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/run/walk-forward", StartAsync)
            .WithName("RunWalkForwardOriginalPath")
            .Documented("Alias of /walk-forward (the original path)", "The grid body plus `train_size`, `test_size`, `step_size` (defaults 120, 60, 30; > 0), `unit` (days default, or bars) and "
                + "`mode` (rolling default, or anchored). Per window: the grid on the in-sample candles, then the best combination on the "
                + "out-of-sample candles; the result adds efficiency, parameter stability, an overfitting verdict and the stitched equity. "
                + "422 for bad values or a period too short for one window; 404; 403 for anyone but the owner or an admin; 409 while a run "
                + "is live. 202 with `Location`.")
            .WithRequestExample(RunExamples.WalkForward)
            .WithResponseExample(RunExamples.WalkForwardStarted, StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<Results<Accepted<RunStarted>, ProblemHttpResult>> StartAsync(
        long id, WalkForwardRequest? request, ClaimsPrincipal user, [AsParameters] WalkForwardServices services, CancellationToken cancellationToken)
    {
        request ??= new WalkForwardRequest(null, null, null, null, null, null, null, null, null, null, null);
        var errors = new Dictionary<string, string[]>();
        RunInputs.Check(request.StrategyConfig, request.ParamSpace, request.Metric, request.Direction, request.MinTrades, request.MaxDrawdown, errors);
        var windows = WindowSettings.Parse(request.TrainSize, request.TestSize, request.StepSize, request.Unit, request.Mode, errors);
        if (errors.Count > 0)
        {
            return OptimizationsApi.Unprocessable(errors);
        }
        var (optimization, refusal) = await OptimizationsApi.RunnableAsync(services.Store, id, user, cancellationToken);
        if (optimization is null)
        {
            return refusal!;
        }
        var start = new DateTimeOffset(DateTime.SpecifyKind(optimization.StartDate, DateTimeKind.Utc));
        var end = new DateTimeOffset(DateTime.SpecifyKind(optimization.EndDate, DateTimeKind.Utc));
        WalkForwardPlan.CheckPeriod(windows!, Interval.Parse(optimization.Timeframe), start, end, errors);
        if (RunInputs.Resolve(
                optimization, request.StrategyConfig, request.ParamSpace, request.Metric, request.Direction, request.MinTrades, request.MaxDrawdown,
                services.Options.Value, errors) is not { } inputs || errors.Count > 0)
        {
            return OptimizationsApi.Unprocessable(errors);
        }

        if (await services.Runs.StartAsync(id, inputs.Spec, windows!, inputs.Ranges.GetRawText(), inputs.Config?.ToJsonString(), inputs.Combinations, cancellationToken)
            is not ({ } started, var runId))
        {
            return TypedResults.Problem(
                "A run of this optimization is still queued or running; cancel it first.", statusCode: StatusCodes.Status409Conflict, title: "Already running");
        }
        await services.Queue.EnqueueAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return TypedResults.Accepted(
            $"/api/v1/optimizations/{id}/runs/{runId}",
            new RunStarted(started.JobId!.Value.ToString(), id, runId, "optimizations.walk", OptimizationStatus.Queued, inputs.Combinations, 0));
    }
}

/// <summary>Body of <c>POST /{id}/walk-forward</c> (docs/api-behaviour.md, 3.8): the grid's fields plus the window sizes, unit and mode.</summary>
internal sealed record WalkForwardRequest(
    JsonElement? StrategyConfig,
    JsonElement? ParamSpace,
    string? Metric,
    string? Direction,
    int? MinTrades,
    double? MaxDrawdown,
    int? TrainSize,
    int? TestSize,
    int? StepSize,
    string? Unit,
    string? Mode);

internal sealed record WalkForwardServices(
    OptimizationStore Store,
    WalkForwardRuns Runs,
    JobQueue<Optimization> Queue,
    IOptions<GridOptions> Options);
