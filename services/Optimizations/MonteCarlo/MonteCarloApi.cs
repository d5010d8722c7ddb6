using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Engine.Backtesting;
using Platform.Engine.Strategies;
using Platform.Optimizations.Grid;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.Optimizations.Strategies;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// <c>POST /{id}/monte-carlo</c>: Monte Carlo over the trades of a completed backtest (<c>backtest_id</c>) or of the
/// optimization's best result, with the deflated Sharpe ratio of that result given the combinations tried.
/// Answered at once: 10,000 simulations of 1,000 trades take well under a second. Running it is the owner's or an
/// admin's, like every run of an optimization (docs/security.md, 3).
/// </summary>
internal static class MonteCarloApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static RouteGroupBuilder MapMonteCarloApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/monte-carlo", RunAsync)
            .WithName("RunMonteCarlo")
            .Documented(
                "Bootstrap or permutation of per-trade returns, with stress options, over a backtest's or the best result's trades",
                "Answered at once. Source: the trades of a completed backtest (`backtest_id`: 404 unknown, 422 not completed), else the "
                + "optimization's best parameters re-run on its candles (422 when there is none yet). Options: `n_simulations` (10–1 000 000, "
                + "default 1000), `method` (bootstrap or permutation), `seed` (same seed, same output), `ruin_threshold` (percent, default "
                + "20), `confidence_level` (0.95), `fee_multiplier`, `slippage_bps`, `skip_fraction`, `histogram_bins` (50). "
                + "`n_simulations` × trades may be at most `Optimizations:Limits:MaxMonteCarloCells` (50 000 000), else 422 on "
                + "`n_simulations`. A body that cannot be read is 400, bad values or a source without trades 422; 404 unknown optimization; "
                + "403 for anyone but the owner or an admin.")
            .WithRequestExample(RunExamples.MonteCarlo)
            .WithResponseExample(RunExamples.MonteCarloResult)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> RunAsync(
        long id, JsonElement? body, ClaimsPrincipal user, [AsParameters] MonteCarloServices services, CancellationToken cancellationToken)
    {
        MonteCarloOptions options;
        long? backtestId;
        try
        {
            options = body is { ValueKind: JsonValueKind.Object } given ? given.Deserialize<MonteCarloOptions>(Json)! : new MonteCarloOptions();
            backtestId = body is { ValueKind: JsonValueKind.Object } withId && withId.TryGetProperty("backtest_id", out var value) && value.ValueKind == JsonValueKind.Number
                ? value.GetInt64()
                : null;
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [exception.Message] });
        }
        if (options.Validate() is { Count: > 0 } invalid)
        {
            return OptimizationsApi.Unprocessable(invalid.ToDictionary(error => error.Key, error => new[] { error.Value }));
        }
        if (await services.Store.GetAsync(id, cancellationToken) is not { } optimization)
        {
            return OptimizationsApi.NotFound();
        }
        if (!Ownership.MayChange(user, optimization.Owner))
        {
            return OptimizationsApi.NotOwner(optimization.Owner);
        }

        JsonObject source;
        TradeReturns trades;
        if (backtestId is { } backtest)
        {
            if (await services.Backtests.GetTradesAsync(backtest, cancellationToken) is not { } stored)
            {
                return TypedResults.Problem("Backtest not found", statusCode: StatusCodes.Status404NotFound, title: "Backtest not found");
            }
            if (stored.Status != "completed")
            {
                return Unprocessable("backtest_id", $"backtest {backtest} is {stored.Status}; Monte Carlo needs a completed backtest.");
            }
            trades = TradeReturns.FromPnl(stored.InitialCapital, [.. stored.Trades.Select(trade => trade.Pnl ?? 0)], [.. stored.Trades.Select(trade => trade.Commission ?? 0)]);
            source = new JsonObject { ["kind"] = "backtest", ["backtest_id"] = backtest };
        }
        else
        {
            if (optimization.BestParams is null)
            {
                return Unprocessable("backtest_id", "the optimization has no best result yet: run a grid first, or give a backtest_id.");
            }
            var result = await RunBestAsync(optimization, services.Candles, cancellationToken);
            trades = TradeReturns.FromPnl(optimization.InitialCapital, [.. result.Trades.Select(trade => trade.Pnl)], [.. result.Trades.Select(trade => trade.Commission)]);
            source = new JsonObject { ["kind"] = "best_result", ["params"] = JsonNode.Parse(optimization.BestParams) };
        }
        if (trades.Validate() is { Count: > 0 } noTrades)
        {
            return Unprocessable("trades", string.Join(" ", noTrades.Values));
        }
        var maxCells = services.Limits.Value.MaxMonteCarloCells;
        if ((long)options.Simulations * trades.Returns.Count > maxCells)
        {
            return Unprocessable(
                "n_simulations",
                $"n_simulations {options.Simulations} × {trades.Returns.Count} trades = {(long)options.Simulations * trades.Returns.Count} draws, more than the {maxCells} one request may ask for; use at most {maxCells / trades.Returns.Count} simulations for these trades.");
        }

        var simulation = MonteCarloSimulator.Run(trades, options, cancellationToken);
        var deflated = DeflatedSharpe.FromReturns(trades.Returns, Math.Max(1, optimization.TotalCombinations));
        return TypedResults.Ok(new JsonObject
        {
            ["optimization_id"] = id,
            ["source"] = source,
            ["monte_carlo"] = JsonSerializer.SerializeToNode(simulation, Json),
            ["deflated_sharpe"] = deflated is null ? null : JsonSerializer.SerializeToNode(deflated, Json),
        });
    }

    /// <summary>The best parameters run once on the optimization's candles, for their trades.</summary>
    private static async Task<BacktestResult> RunBestAsync(Optimization optimization, CandleCache candles, CancellationToken cancellationToken)
    {
        var spec = RunSpec.Parse(optimization.Objective!);
        var errors = new Dictionary<string, string[]>();
        var run = OptimizationSettings.Create(spec, optimization, errors)
                  ?? throw new InvalidDataException(string.Join(" ", errors.SelectMany(error => error.Value)));
        var parameters = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(optimization.BestParams!)!;
        var strategy = StrategyCatalog.Validate(run.Strategy.Definition, parameters).Value
                       ?? throw new InvalidDataException("the stored best parameters no longer fit the strategy");
        var series = await candles.GetAsync(optimization.Symbol, optimization.Timeframe, optimization.StartDate, optimization.EndDate, cancellationToken);
        return Backtester.Run(series, strategy, run.Settings, run.Filters);
    }

    private static ProblemHttpResult Unprocessable(string field, string message) =>
        OptimizationsApi.Unprocessable(new Dictionary<string, string[]> { [field] = [message] });
}

internal sealed record MonteCarloServices(OptimizationStore Store, BacktestClient Backtests, CandleCache Candles, IOptions<OptimizationLimits> Limits);
