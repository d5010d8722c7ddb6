using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Optimizations.Grid;
using Platform.Optimizations.MonteCarlo;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Search;
using Platform.Optimizations.Runs;
using Platform.Optimizations.Strategies;
using Platform.Optimizations.WalkForward;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Optimizations.Optimizations;

internal static class OptimizationsApi
{
    /// <summary>
    /// List, read, create (with everything validated and combinations counted) and update (docs/api-behaviour.md, 3.2–3.5).
    /// Only the owner or an admin updates, cancels or runs an optimization (docs/security.md, 3).
    /// </summary>
    public static RouteGroupBuilder MapOptimizationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/optimizations").WithTags("Optimizations");
        group.MapGet("/", ListAsync)
            .WithName("ListOptimizations")
            .Documented(
                "List optimizations, newest first",
                "Filters `strategy_id` (absent or 0 = all), `status` (queued, running, completed, failed, cancelled) and `owner` (`me` or a "
                + "name); `limit` default 100, clamped to 1–1000; `offset` ≥ 0. `total` is the filtered total. Bad values are 400.")
            .WithResponseExample(OptimizationExamples.List)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetOptimization")
            .Documented(
                "Read an optimization with the progress of its current run",
                "`progress` shows the current run: combinations and chunks done and total, `fraction`, elapsed and estimated remaining "
                + "seconds. 404 \"Optimization not found\".")
            .WithResponseExample(OptimizationExamples.Optimization)
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync)
            .WithName("CreateOptimization")
            .Documented(
                "Create an optimization (no run starts until grid or walk-forward is called)",
                "`optimization_type` grid_search, walk_forward, monte_carlo or bayesian (whose `param_ranges` may be as large as 10^12 points); `symbol` and `timeframe` as for backtests; `start_date` < "
                + "`end_date`; `param_ranges` per parameter a list of values or `{min, max, step}` (both ends included); `metric` (sharpe_ratio, "
                + "sortino_ratio, total_return, final_capital, win_rate, max_drawdown, profit_factor, calmar_ratio, cagr_pct, expectancy, "
                + "total_trades, net_profit); `initial_capital` (0 < x ≤ 1 000 000); `config`. `total_combinations` is computed. Limits: "
                + "`Optimizations:Grid:MaxValuesPerParameter` (10 000) values per parameter, `Optimizations:Grid:MaxCombinations` "
                + "(100 000) combinations, `Optimizations:Limits:MaxBars` (1 000 000) bars; beyond them, or with no valid combination, 422 "
                + "with every error. Unknown strategy 404. 201 with `Location`; the caller is the owner.")
            .WithRequestExample(OptimizationExamples.Create)
            .WithResponseExample(OptimizationExamples.Optimization, StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync)
            .WithName("UpdateOptimization")
            .Documented(
                "Change an optimization's status or settings",
                "`status`, `metric`, `config`, `param_ranges` (combinations recounted, 422 as on create). Settings change only while no run "
                + "is queued or running. Status changes: queued|running → cancelled, failed|cancelled|completed → queued; others 409 "
                + "\"Illegal change\". 404 unknown; 403 for anyone but the owner or an admin.")
            .WithRequestExample(OptimizationExamples.Update)
            .WithResponseExample(OptimizationExamples.Optimization)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapOptimizationEventsApi();
        group.MapResultsApi();
        group.MapRunsApi();
        group.MapGridApi();
        group.MapSearchApi();
        group.MapWalkForwardApi();
        group.MapMonteCarloApi();
        return group;
    }

    private static async Task<Results<Ok<OptimizationList>, ValidationProblem>> ListAsync(
        [AsParameters] ListOptimizationsQuery query, ClaimsPrincipal user, OptimizationStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Validate(user) is not { } filter)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }
        var (items, total) = await store.ListAsync(filter, cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new OptimizationList(items.Select(item => OptimizationView.From(item, now)).ToList(), total));
    }

    private static async Task<Results<Ok<OptimizationView>, ProblemHttpResult>> GetAsync(long id, OptimizationStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } optimization ? TypedResults.Ok(OptimizationView.From(optimization, time.GetUtcNow())) : NotFound();

    private static async Task<Results<Created<OptimizationView>, ProblemHttpResult>> CreateAsync(
        CreateOptimizationRequest request, ClaimsPrincipal user, OptimizationStore store, StrategyClient strategies, IOptions<GridOptions> options,
        IOptions<OptimizationLimits> limits, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = request.Validate(limits.Value.MaxBars);
        if (errors.Count > 0)
        {
            return Unprocessable(errors);
        }
        if (await strategies.GetAsync(request.StrategyId!.Value, cancellationToken) is not { } strategy)
        {
            return TypedResults.Problem("Strategy not found", statusCode: StatusCodes.Status404NotFound, title: "Strategy not found");
        }
        var spec = new RunSpec(strategy.StrategyType, strategy.Config, request.Metric!, Objective.DefaultMaximize(request.Metric!), null, null);
        var config = request.Config is { ValueKind: JsonValueKind.Object } given ? JsonObject.Create(given) : null;
        if (Combinations(spec, request.ParamRanges, config, request.Timeframe!, request.InitialCapital!.Value, options.Value, errors, request.OptimizationType == SearchApi.OptimizationType) is not { } combinations)
        {
            return Unprocessable(errors);
        }
        var created = await store.CreateAsync(
            new NewOptimization(
                strategy.Id, request.OptimizationType!, request.Symbol!, request.Timeframe!, request.StartDate!.Value.UtcDateTime, request.EndDate!.Value.UtcDateTime,
                request.ParamRanges!.Value.GetRawText(), request.Metric!, request.InitialCapital.Value, combinations, config?.ToJsonString(), spec.ToJson(),
                Ownership.Caller(user)),
            cancellationToken);
        return TypedResults.Created($"/api/v1/optimizations/{created.Id}", OptimizationView.From(created, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<OptimizationView>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateOptimizationRequest request, ClaimsPrincipal user, OptimizationStore store, IOptions<GridOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Status is not null && Array.IndexOf(OptimizationStatus.All, request.Status) < 0)
        {
            errors["status"] = [$"status must be one of {string.Join(", ", OptimizationStatus.All)}."];
        }
        if (request.Metric is not null && !Objective.IsKnown(request.Metric))
        {
            errors["metric"] = [$"metric must be one of {string.Join(", ", Objective.MetricNames)}."];
        }
        ServiceDefaults.Json.JsonInput.Check(request.Config, "config", JsonValueKind.Object, errors);
        ServiceDefaults.Json.JsonInput.Check(request.ParamRanges, "param_ranges", JsonValueKind.Object, errors);
        if (errors.Count > 0)
        {
            return Unprocessable(errors);
        }
        var current = await store.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }
        if (!Ownership.MayChange(user, current.Owner))
        {
            return NotOwner(current.Owner);
        }
        int? combinations = null;
        if (request.ParamRanges is not null || request.Config is not null)
        {
            var spec = RunSpec.Parse(current.Objective!);
            var config = request.Config is { ValueKind: JsonValueKind.Object } given ? JsonObject.Create(given) : current.Config is null ? null : JsonNode.Parse(current.Config)?.AsObject();
            var ranges = request.ParamRanges ?? JsonDocument.Parse(current.ParamRanges).RootElement;
            combinations = Combinations(spec, ranges, config, current.Timeframe, current.InitialCapital, options.Value, errors, current.OptimizationType == SearchApi.OptimizationType);
            if (combinations is null)
            {
                return Unprocessable(errors);
            }
        }
        var editsSettings = request.Metric is not null || combinations is not null;
        var change = new OptimizationChange(id, request.Status, request.Metric, request.Config?.GetRawText(), request.ParamRanges?.GetRawText(), combinations);
        var (before, after) = await store.UpdateAsync(
            id,
            change,
            row => Ownership.MayChange(user, row.Owner)
                   && (!editsSettings || !OptimizationStatus.IsActive(row.Status) || row.JobId is null)
                   && (request.Status is null || OptimizationStatus.CanChange(row.Status, request.Status)),
            cancellationToken);
        if (before is null)
        {
            return NotFound();
        }
        if (!Ownership.MayChange(user, before.Owner))
        {
            return NotOwner(before.Owner);
        }
        return after is not null
            ? TypedResults.Ok(OptimizationView.From(after, time.GetUtcNow()))
            : TypedResults.Problem(
                $"A {before.Status} optimization cannot {(request.Status is null || request.Status == before.Status ? "change its settings" : $"become {request.Status}")}.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Illegal change");
    }

    /// <summary>
    /// How many combinations of the space the strategy accepts, or null with the field errors (422). A space a search
    /// ranges over (<paramref name="search"/>) may be as large as <see cref="SearchSettings.MaxSpace"/> and is not expanded:
    /// its size is the product of its axes, capped at <see cref="int.MaxValue"/>.
    /// </summary>
    public static int? Combinations(
        RunSpec spec, JsonElement? ranges, JsonObject? config, string timeframe, double initialCapital, GridOptions limits, Dictionary<string, string[]> errors,
        bool search = false) =>
        Space(spec, ranges, config, timeframe, initialCapital, limits, errors, search)?.Combinations;

    /// <summary>The same count with the parsed space it was counted in.</summary>
    public static (ParameterSpace Space, int Combinations)? Space(
        RunSpec spec, JsonElement? ranges, JsonObject? config, string timeframe, double initialCapital, GridOptions limits, Dictionary<string, string[]> errors,
        bool search = false)
    {
        var space = ParameterSpace.Parse(ranges, "param_ranges", limits.MaxValuesPerParameter, search ? SearchSettings.MaxSpace : limits.MaxCombinations, errors);
        OptimizationSettings.Create(spec, config, timeframe, initialCapital, errors);
        if (space is null || errors.Count > 0)
        {
            return null;
        }
        if (search)
        {
            return (space, (int)Math.Min(space.Size, int.MaxValue));
        }
        var (valid, _, firstErrors) = space.Expand(spec.StrategyType, spec.StrategyDefaults);
        if (valid.Count == 0)
        {
            foreach (var (field, message) in firstErrors)
            {
                errors[$"param_ranges.{field}"] = [message];
            }
            errors.TryAdd("param_ranges", ["no combination of param_ranges is valid for the strategy."]);
            return null;
        }
        return (space, valid.Count);
    }

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem("Optimization not found", statusCode: StatusCodes.Status404NotFound, title: "Optimization not found");

    public static ProblemHttpResult NotOwner(string? owner) => Ownership.Forbidden("optimization", owner);

    /// <summary>
    /// The optimization a caller is about to run something on, or the answer refusing it: 404 when it is unknown, 403 for
    /// anyone but its owner or an admin. An owner is set at creation and never changes, so the check holds for what follows.
    /// </summary>
    public static async Task<(Optimization? Optimization, ProblemHttpResult? Refusal)> RunnableAsync(
        OptimizationStore store, long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } optimization)
        {
            return (null, NotFound());
        }
        return Ownership.MayChange(user, optimization.Owner) ? (optimization, null) : (null, NotOwner(optimization.Owner));
    }

    public static ProblemHttpResult Unprocessable(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "One or more fields are invalid.",
            Detail = string.Join(" ", errors.SelectMany(error => error.Value)),
        });
}
