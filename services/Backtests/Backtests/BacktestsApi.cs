using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Backtests.Charts;
using Platform.Backtests.Equity;
using Platform.Backtests.Queue;
using Platform.Backtests.Reports;
using Platform.Backtests.Strategies;
using Platform.Engine.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Backtests.Backtests;

internal static class BacktestsApi
{
    /// <summary>
    /// List, read, create (queued and enqueued at once) and update backtests (docs/api-behaviour.md, 2.3–2.6); only the
    /// owner or an admin updates one (docs/security.md, 3).
    /// </summary>
    public static RouteGroupBuilder MapBacktestsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/backtests").WithTags("Backtests");
        group.MapGet("/", ListAsync)
            .WithName("ListBacktests")
            .Documented(
                "List backtests, filtered, ordered and paged",
                "Filters: `strategy_id` (0 or absent = all), `symbol` (exact, upper-cased), `status` (queued, running, completed, failed), "
                + "`owner` (`me` or a name). `limit` 1–1000 (default 100, clamped), `offset` ≥ 0. `order_by` one of created_at, updated_at, "
                + "started_at, completed_at, id, symbol, status, initial_capital, final_capital, total_return, sharpe_ratio, max_drawdown, "
                + "win_rate, total_trades (default created_at), `order_dir` asc or desc (default desc); nulls last, ties by id. `total` counts "
                + "every match. Any other value is 400 naming the parameter.")
            .WithResponseExample(BacktestExamples.List)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetBacktest")
            .Documented(
                "Read a backtest",
                "The backtest with its status, metrics and result document; never cached. 404 \"Backtest not found\"; a database "
                + "failure is 500 with a detail starting \"Failed to retrieve backtest\".")
            .WithResponseExample(BacktestExamples.Completed)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status500InternalServerError);
        group.MapPost("/", CreateAsync)
            .WithName("CreateBacktest")
            .Documented(
                "Store a backtest as queued and put it on the jobs stream",
                "Body: `strategy_id`, `symbol` (`^[A-Z0-9]+USDT$`), `timeframe` (1, 3, 5, 15, 30, 60, 120, 240, D, W, M), `start_date` "
                + "before `end_date`, `initial_capital` (0 < x ≤ 1 000 000), `leverage` (1–100, default 1), `commission` (0–0.01, "
                + "default 0.0006), `config` (strategy parameters and trading settings), `additional_timeframes` (≤ 5), `htf_filters` (≤ 10). "
                + "The range may hold at most `Backtests:Limits:MaxBars` bars (1 500 000). 400 for JSON of the wrong shape, 422 with every "
                + "field error, 404 for an unknown strategy, 500 when the database fails. 201 with `Location`; the caller is the owner.")
            .WithRequestExample(BacktestExamples.Create)
            .WithResponseExample(BacktestExamples.Queued, StatusCodes.Status201Created)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status500InternalServerError);
        group.MapPut("/{id:long}", UpdateAsync)
            .WithName("UpdateBacktest")
            .Documented(
                "Change a backtest's settings or status",
                "Partial: absent fields stay; present ones are checked as on create (422). Settings change only while the run is queued or "
                + "failed. Status changes: queued → failed (cancel), failed → queued (re-run), running → failed; anything else is 409 "
                + "\"Illegal change\". Only the owner or an admin: 403 for anyone else, after 404 for a missing id.")
            .WithRequestExample(BacktestExamples.Update)
            .WithResponseExample(BacktestExamples.Queued)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);
        group.MapBacktestEventsApi();
        group.MapMultiTimeframeApi();
        group.MapRunApi();
        group.MapExportsApi();
        group.MapChartsApi();
        group.MapEquityApi();
        return group;
    }

    private static async Task<Results<Ok<BacktestList>, ValidationProblem>> ListAsync(
        [AsParameters] ListBacktestsQuery query, ClaimsPrincipal user, BacktestStore store, CancellationToken cancellationToken)
    {
        if (query.Validate(user) is not { } filter)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }
        var (items, total) = await store.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(new BacktestList(items.Select(BacktestView.From).ToList(), total));
    }

    private static async Task<Results<Ok<BacktestView>, ProblemHttpResult>> GetAsync(long id, BacktestStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAsync(id, cancellationToken) is { } backtest ? TypedResults.Ok(BacktestView.From(backtest)) : BacktestInput.NotFound();
        }
        catch (NpgsqlException exception)
        {
            return StorageFailed($"Failed to retrieve backtest {id}", exception);
        }
    }

    private static async Task<Results<Created<BacktestView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateBacktestRequest request,
        ClaimsPrincipal user,
        BacktestStore store,
        StrategyStore strategies,
        BacktestQueue queue,
        IOptions<BacktestLimits> limits,
        CancellationToken cancellationToken)
    {
        if (request.CheckShape() is { Count: > 0 } malformed)
        {
            return TypedResults.ValidationProblem(malformed);
        }
        var errors = request.Validate(limits.Value.MaxBars);
        if (errors.Count > 0)
        {
            return BacktestInput.Unprocessable(errors);
        }
        try
        {
            return await StoreAsync(request, errors, Ownership.Caller(user), store, strategies, queue, cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            return StorageFailed("Failed to create backtest", exception);
        }
    }

    private static async Task<Results<Created<BacktestView>, ValidationProblem, ProblemHttpResult>> StoreAsync(
        CreateBacktestRequest request,
        Dictionary<string, string[]> errors,
        string owner,
        BacktestStore store,
        StrategyStore strategies,
        BacktestQueue queue,
        CancellationToken cancellationToken)
    {
        if (await strategies.GetAsync(request.StrategyId!.Value, cancellationToken) is not { } strategy)
        {
            return StrategyNotFound();
        }
        var plan = BacktestPlan.For(request, strategy);
        if (plan.Configure(errors) is null)
        {
            return BacktestInput.Unprocessable(errors);
        }

        var created = await store.CreateAsync(
            new NewBacktest(
                strategy.Id,
                request.Symbol!,
                request.Timeframe!,
                request.StartDate!.Value.UtcDateTime,
                request.EndDate!.Value.UtcDateTime,
                plan.InitialCapital,
                plan.Leverage,
                plan.Commission,
                plan.Config?.ToJsonString(),
                request.AdditionalTimeframes,
                request.HtfFilterArray?.ToJsonString(),
                owner,
                strategy.Version),
            cancellationToken);
        await queue.EnqueueAsync(created.Id);
        return TypedResults.Created($"/api/v1/backtests/{created.Id}", BacktestView.From(created));
    }

    private static async Task<Results<Ok<BacktestView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id,
        UpdateBacktestRequest request,
        ClaimsPrincipal user,
        BacktestStore store,
        StrategyStore strategies,
        IOptions<BacktestLimits> limits,
        CancellationToken cancellationToken)
    {
        var maxBars = limits.Value.MaxBars;
        if (request.CheckShape() is { Count: > 0 } malformed)
        {
            return TypedResults.ValidationProblem(malformed);
        }
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return BacktestInput.Unprocessable(errors);
        }
        int? strategyVersion = null;
        if (request.StrategyId is not null || request.Config is not null)
        {
            if (await store.GetAsync(id, cancellationToken) is not { } current)
            {
                return BacktestInput.NotFound();
            }
            if (!Ownership.MayChange(user, current.Owner))
            {
                return BacktestInput.NotOwner(current.Owner);
            }
            // Without a new strategy the run keeps the version it was created with.
            var pinned = request.StrategyId is null ? current.StrategyVersion : null;
            if (await strategies.GetAsRunAsync(request.StrategyId ?? current.StrategyId, pinned, cancellationToken) is not { } strategy)
            {
                return StrategyNotFound();
            }
            if (BacktestPlan.For(request, current, strategy).Configure(errors) is null)
            {
                return BacktestInput.Unprocessable(errors);
            }
            strategyVersion = strategy.Version;
        }

        var change = new BacktestChange(
            id,
            request.StrategyId,
            request.Symbol,
            request.Timeframe,
            request.StartDate?.UtcDateTime,
            request.EndDate?.UtcDateTime,
            request.InitialCapital,
            request.Leverage,
            request.Commission,
            request.ConfigObject?.ToJsonString(),
            request.Status,
            strategyVersion);
        var (before, after) = await store.UpdateAsync(
            id, change, current => Ownership.MayChange(user, current.Owner) && Allowed(current, request, maxBars), cancellationToken);
        if (before is null)
        {
            return BacktestInput.NotFound();
        }
        if (!Ownership.MayChange(user, before.Owner))
        {
            return BacktestInput.NotOwner(before.Owner);
        }
        if (after is not null)
        {
            return TypedResults.Ok(BacktestView.From(after));
        }
        if (!DatesInOrder(before, request))
        {
            return BacktestInput.Unprocessable(new Dictionary<string, string[]> { ["end_date"] = ["end_date must be after start_date"] });
        }
        if (BarsOverLimit(before, request, maxBars) is { Count: > 0 } tooLong)
        {
            return BacktestInput.Unprocessable(tooLong);
        }
        return TypedResults.Problem(
            $"A {before.Status} backtest cannot {(request.Status is null || request.Status == before.Status ? "be edited" : $"become {request.Status}")}.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Illegal change");
    }

    /// <summary>
    /// Settings change only while a run is queued or failed, dates stay in order and within the bar limit, and status
    /// changes follow <see cref="BacktestStatus.CanChange"/>.
    /// </summary>
    private static bool Allowed(Backtest current, UpdateBacktestRequest request, long maxBars)
    {
        var editsSettings = request with { Status = null } != new UpdateBacktestRequest(null, null, null, null, null, null, null, null, null, null);
        return DatesInOrder(current, request)
               && BarsOverLimit(current, request, maxBars).Count == 0
               && (!editsSettings || current.Status is BacktestStatus.Queued or BacktestStatus.Failed)
               && (request.Status is null || BacktestStatus.CanChange(current.Status, request.Status));
    }

    private static bool DatesInOrder(Backtest current, UpdateBacktestRequest request) =>
        (request.EndDate?.UtcDateTime ?? current.EndDate) > (request.StartDate?.UtcDateTime ?? current.StartDate);

    /// <summary>The bar-limit errors of the range and timeframe the update leaves; empty when it changes none of them.</summary>
    private static Dictionary<string, string[]> BarsOverLimit(Backtest current, UpdateBacktestRequest request, long maxBars)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Timeframe is not null || request.StartDate is not null || request.EndDate is not null)
        {
            BacktestInput.Bars(
                Interval.Parse(request.Timeframe ?? current.Timeframe),
                request.StartDate ?? new DateTimeOffset(DateTime.SpecifyKind(current.StartDate, DateTimeKind.Utc)),
                request.EndDate ?? new DateTimeOffset(DateTime.SpecifyKind(current.EndDate, DateTimeKind.Utc)),
                maxBars,
                errors);
        }
        return errors;
    }

    /// <summary>
    /// The database failed, not the caller: 500 with the words the original's clients look for (docs/api-behaviour.md,
    /// 2.4 and 2.5).
    /// </summary>
    private static ProblemHttpResult StorageFailed(string what, NpgsqlException exception) =>
        TypedResults.Problem($"{what}: the database did not answer ({exception.GetType().Name}).", statusCode: StatusCodes.Status500InternalServerError, title: what);

    private static ProblemHttpResult StrategyNotFound() =>
        TypedResults.Problem("Strategy not found", statusCode: StatusCodes.Status404NotFound, title: "Strategy not found");
}
