using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Backtests.Strategies;

internal static class StrategiesApi
{
    private const string Path = "/api/v1/strategies";

    /// <summary>
    /// Maps the strategies CRUD (docs/api-behaviour.md, 2.1) and the read-only list of the engine's built-in
    /// strategy types under <c>/api/v1/strategies</c>. Collection routes answer with and without the trailing slash.
    /// Only the owner or an admin changes or deletes a strategy (docs/security.md, 3).
    /// </summary>
    public static RouteGroupBuilder MapStrategiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Path).WithTags("Strategies");
        group.MapGet("/types", ListTypes)
            .WithName("ListStrategyTypes")
            .Documented(
                "The strategy types: the shipped ones with their parameters, and `rules` with the rule language's JSON Schema and examples",
                "Each shipped type (sma_crossover, ema_crossover, rsi_mean_reversion, bollinger_reversion, macd_crossover, "
                + "donchian_breakout) with its parameters (name, type int|decimal|bool, default, min, max, description) and the JSON "
                + "Schema of its `config`; then `rules`, whose schema is the rule language and whose examples are documents to start from.")
            .WithResponseExample(StrategyApiExamples.Types);
        group.MapPost("/validate", Validate)
            .WithName("ValidateStrategy")
            .Documented(
                "Checks a strategy without storing it",
                "Answers 200 with `valid`, the normalised configuration (defaults written out), its parameters and the warm-up bars it needs "
                + "on `timeframe` (when given), or `valid: false` with every error keyed by its field and JSON path (`config.rules.enter_long.all[1].left`). "
                + "Readers may call it: nothing is stored. 400 for a missing type, a `config` that is not an object or an unknown timeframe.")
            .WithRequestExample(StrategyApiExamples.Validate)
            .WithResponseExample(StrategyApiExamples.Validation)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/", ListAsync)
            .WithName("ListStrategies")
            .Documented(
                "List strategies, newest first",
                "Filters `is_active`, `strategy_type` and `owner` (`me` or a name); `limit` default 100, clamped to 1–1000; `offset` ≥ 0 "
                + "(400 otherwise). `total` counts every match.")
            .WithResponseExample(StrategyApiExamples.List)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{id}", GetAsync)
            .WithName("GetStrategy")
            .Documented("Read a strategy", "The strategy with its current `version`; 404 \"Strategy not found\", 400 for an id that is not a number.")
            .WithResponseExample(StrategyApiExamples.Strategy)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/{id}/versions", ListVersionsAsync)
            .WithName("ListStrategyVersions")
            .Documented(
                "Every version of a strategy's type and configuration",
                "Each change of `strategy_type` or `config` is a new version, first first, with when and by whom (a rename or `is_active` "
                + "is not); backtests run the version they were created with (`strategy_version`). 404 for an unknown strategy.")
            .WithResponseExample(StrategyApiExamples.Versions)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/{id}/versions/{version:int}", GetVersionAsync)
            .WithName("GetStrategyVersion")
            .Documented("One version of a strategy", "The strategy's type and configuration as they were in `version`; 404 when the strategy or the version is unknown.")
            .WithResponseExample(StrategyApiExamples.Version)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync)
            .WithName("CreateStrategy")
            .Documented(
                "Create a strategy",
                "`name` (1–255 characters, not blank, unique: 409 when taken), `description`, `strategy_type` (a shipped type or `rules`), "
                + "`config` (the type's parameters, missing ones stored with their defaults; a rule document; or an original configuration, "
                + "stored with `config_reading`), `is_active` (default true). Shape errors (blank name, `config` not an object) are 400; "
                + "an unknown type or invalid parameters 422 keyed by path. 201 with `Location`; the caller is the owner.")
            .WithRequestExample(StrategyApiExamples.Create)
            .WithResponseExample(StrategyApiExamples.Strategy, StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id}", UpdateAsync)
            .WithName("UpdateStrategy")
            .Documented(
                "Change a strategy",
                "Partial update: absent fields are kept; `config` goes on top of the stored parameters unless `strategy_type` changes or the "
                + "strategy is a rule document (then it replaces them). A change of type or configuration is a new version. 400, 409, 422 "
                + "as on create; 404 unknown; 403 for anyone but the owner or an admin.")
            .WithRequestExample(StrategyApiExamples.Update)
            .WithResponseExample(StrategyApiExamples.Strategy)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteStrategy")
            .Documented(
                "Delete a strategy",
                "204. A strategy with backtests is deleted, with them, only when `force=true`; otherwise 409. 404 unknown; 403 for anyone "
                + "but the owner or an admin, and for a trader's forced delete while any of those backtests is another owner's.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return group;
    }

    /// <summary>Registers <see cref="StrategyStore"/>, which other features use to read the strategy a job names.</summary>
    public static IHostApplicationBuilder AddStrategies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StrategyStore>();
        return builder;
    }

    private static Ok<IReadOnlyList<StrategyTypeView>> ListTypes() => TypedResults.Ok(StrategyTypeView.All);

    private static Results<Ok<StrategyValidation>, ValidationProblem> Validate(ValidateStrategyRequest request) =>
        request.Validate() is { Count: > 0 } errors
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(StrategyValidation.Of(request.StrategyType!, StrategyConfig.ToObject(request.Config), request.Timeframe));

    private static async Task<Results<Ok<StrategyList>, ValidationProblem>> ListAsync(
        [AsParameters] StrategyListQuery query, ClaimsPrincipal user, StrategyStore store, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        var owner = Ownership.ListFilter(user, query.Owner, errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await store.ListAsync(query, owner, cancellationToken));
    }

    private static async Task<Results<Ok<Strategy>, ProblemHttpResult>> GetAsync(long id, StrategyStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } strategy ? TypedResults.Ok(strategy) : StrategyProblems.NotFound(id);

    private static async Task<Results<Ok<IReadOnlyList<StrategyVersion>>, ProblemHttpResult>> ListVersionsAsync(
        long id, StrategyStore store, CancellationToken cancellationToken) =>
        await store.ListVersionsAsync(id, cancellationToken) is { Count: > 0 } versions ? TypedResults.Ok(versions) : StrategyProblems.NotFound(id);

    private static async Task<Results<Ok<StrategyVersion>, ProblemHttpResult>> GetVersionAsync(
        long id, int version, StrategyStore store, CancellationToken cancellationToken) =>
        await store.GetVersionAsync(id, version, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : TypedResults.Problem(
                $"Strategy {id} has no version {version}.", statusCode: StatusCodes.Status404NotFound, title: "Strategy version not found");

    private static async Task<Results<Created<Strategy>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateStrategyRequest request, ClaimsPrincipal user, StrategyStore store, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0 || request is not { Name: { } name, StrategyType: { } strategyType })
        {
            return TypedResults.ValidationProblem(errors);
        }
        var checkedConfig = StrategyConfig.Check(strategyType, request.ConfigObject());
        if (checkedConfig.Value is not { } config)
        {
            return StrategyProblems.Invalid(checkedConfig.Errors);
        }
        var strategy = await store.TryCreateAsync(
            name, request.Description, strategyType, config, request.IsActive ?? true, Ownership.Caller(user), cancellationToken);
        return strategy is null ? StrategyProblems.NameTaken(name) : TypedResults.Created($"{Path}/{strategy.Id}", strategy);
    }

    private static async Task<Results<Ok<Strategy>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, UpdateStrategyRequest request, ClaimsPrincipal user, StrategyStore store, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await store.UpdateAsync(id, request, Ownership.ChangerOf(user), cancellationToken) switch
        {
            StrategyUpdate.Updated updated => TypedResults.Ok(updated.Strategy),
            StrategyUpdate.Forbidden forbidden => StrategyProblems.NotOwner(forbidden.Owner),
            StrategyUpdate.NameTaken taken => StrategyProblems.NameTaken(taken.Name),
            StrategyUpdate.Invalid invalid => StrategyProblems.Invalid(invalid.Errors),
            _ => StrategyProblems.NotFound(id),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, ClaimsPrincipal user, StrategyStore store, CancellationToken cancellationToken, bool force = false) =>
        await store.DeleteAsync(id, force, Ownership.ChangerOf(user), cancellationToken) switch
        {
            StrategyDeletion.Deleted => TypedResults.NoContent(),
            StrategyDeletion.Forbidden forbidden => StrategyProblems.NotOwner(forbidden.Owner),
            StrategyDeletion.InUse inUse => StrategyProblems.HasBacktests(id, inUse.Backtests),
            StrategyDeletion.OthersBacktests others => StrategyProblems.HasOthersBacktests(id, others.Backtests),
            _ => StrategyProblems.NotFound(id),
        };
}
