using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Jobs;
using Platform.Optimizations.Grid;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Optimizations.Search;

/// <summary>
/// Start a search (docs/api-behaviour.md, 3.13): a model-based search (a tree-structured Parzen estimator) or a random
/// search over the optimization's parameter space, in batches of trials that every replica's workers evaluate. The
/// owner's or an admin's (docs/security.md, 3).
/// </summary>
internal static class SearchApi
{
    /// <summary>The <c>optimization_type</c> of an optimization made for searches: its space is not bounded by the grid's limit.</summary>
    public const string OptimizationType = "bayesian";

    private const string Description =
        "Body, all optional: `param_space` (lists, `{min, max, step}` ranges, or the original typed form `{\"type\": \"int\"|\"float\"|\"categorical\", "
        + "\"low\", \"high\", \"step\", \"choices\"}`; default the optimization's `param_ranges`; up to 10^12 points), `n_trials` (1–10,000, default 100), "
        + "`method` (`tpe`, default, or `random`), `seed` (or `random_state`; the same seed gives the same trials; drawn and reported when absent), "
        + "`n_initial` (random trials before the model, default 10), `early_stopping` (end after this many trials without a better score), "
        + "`batch_size` (trials proposed at once, 1–256, default 8), `pbo_partitions` (even, 2–20, default 16), and as for a grid `strategy_config`, "
        + "`metric`, `direction`, `min_trades`, `max_drawdown`. Every trial is a result of the run. 422 for bad values or a space without an "
        + "accepted point; 404; 403 for anyone but the owner or an admin; 409 while a run is queued or running. 202 with `Location`.";

    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/run/bayesian", StartAsync)
            .WithName("RunBayesian")
            .Documented("Search the parameter space by model (or at random), trial batches spread over every replica (202)", Description)
            .WithRequestExample(SearchExamples.Search)
            .WithResponseExample(SearchExamples.SearchStarted, StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/bayesian", StartAsync)
            .WithName("RunBayesianShortPath")
            .Documented("Alias of /run/bayesian", Description)
            .WithRequestExample(SearchExamples.Search)
            .WithResponseExample(SearchExamples.SearchStarted, StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<Results<Accepted<RunStarted>, ProblemHttpResult>> StartAsync(
        long id, SearchRunRequest? request, ClaimsPrincipal user, [AsParameters] SearchServices services, CancellationToken cancellationToken)
    {
        request ??= new SearchRunRequest();
        var errors = new Dictionary<string, string[]>();
        RunInputs.Check(request.StrategyConfig, request.ParamSpace, request.Metric, request.Direction, request.MinTrades, request.MaxDrawdown, errors);
        var settings = SearchSettings.From(request, errors);
        var space = request.ParamSpace is { ValueKind: JsonValueKind.Object } given ? TypedSpace.Normalize(given, "param_space", errors) : null;
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
                optimization, request.StrategyConfig, space, request.Metric, request.Direction, request.MinTrades, request.MaxDrawdown,
                services.Options.Value, errors, search: true) is not { } inputs)
        {
            return OptimizationsApi.Unprocessable(errors);
        }
        var parameters = ParameterSpace.Parse(inputs.Ranges, "param_space", int.MaxValue, SearchSettings.MaxSpace, errors)!;
        var first = SearchPlan.Create(parameters, inputs.Spec, settings!).Next([]);
        if (first.Trials.Count == 0)
        {
            errors["param_space"] = ["the strategy accepts no point of param_space."];
            return OptimizationsApi.Unprocessable(errors);
        }

        var started = await services.Runs.StartAsync(
            id, inputs.Spec, inputs.Ranges.GetRawText(), inputs.Config?.ToJsonString(), settings!, first.Trials, services.Options.Value.TrialsPerChunk,
            cancellationToken);
        if (started is not { } run)
        {
            return TypedResults.Problem(
                "A run of this optimization is still queued or running; cancel it first.", statusCode: StatusCodes.Status409Conflict, title: "Already running");
        }
        foreach (var chunk in run.ChunkIds)
        {
            await services.Chunks.EnqueueAsync(chunk.ToString(CultureInfo.InvariantCulture));
        }
        return TypedResults.Accepted(
            $"/api/v1/optimizations/{id}/runs/{run.RunId}",
            new RunStarted(run.Optimization.JobId!.Value.ToString(), id, run.RunId, "optimizations", OptimizationStatus.Queued, settings!.Trials, run.ChunkIds.Count));
    }
}

/// <summary>Body of <c>POST /{id}/run/bayesian</c>: every field optional (<see cref="SearchApi"/>).</summary>
internal sealed record SearchRunRequest(
    JsonElement? StrategyConfig = null,
    JsonElement? ParamSpace = null,
    string? Metric = null,
    string? Direction = null,
    int? MinTrades = null,
    double? MaxDrawdown = null,
    string? Queue = null,
    int? NTrials = null,
    string? Method = null,
    int? Seed = null,
    int? RandomState = null,
    int? NInitial = null,
    int? EarlyStopping = null,
    int? BatchSize = null,
    int? PboPartitions = null);

internal sealed record SearchServices(
    OptimizationStore Store,
    SearchRuns Runs,
    JobQueue<GridChunk> Chunks,
    IOptions<GridOptions> Options);
