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
using Platform.Optimizations.Runs;
using Platform.Optimizations.Strategies;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// <c>POST /{id}/monte-carlo</c>: Monte Carlo over every trade of a completed backtest (<c>backtest_id</c>) or of the
/// best parameters of a run (<c>run_id</c>, by default the latest completed run that found some), with the deflated Sharpe
/// ratio given the trials of the run that produced the parameters. Answered at once (10,000 simulations of 1,000 trades
/// take well under a second) and kept as a run of the optimization. Running it is the owner's or an admin's, like every
/// run of an optimization (docs/security.md, 3).
/// </summary>
internal static class MonteCarloApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static RouteGroupBuilder MapMonteCarloApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/monte-carlo", RunAsync)
            .WithName("RunMonteCarlo")
            .Documented(
                "Bootstrap or permutation of per-trade returns, with stress options, over a backtest's or a run's best trades, kept as a run",
                "Answered at once and kept as a run of kind monte_carlo (its id is `run_id`). Source: every trade of a completed backtest "
                + "(`backtest_id`: 404 unknown, 422 not completed), else the best parameters of `run_id` (default: the latest completed "
                + "run that found parameters) re-run on the optimization's candles with that run's settings (422 when there is none). The "
                + "deflated Sharpe ratio counts the trials (combinations) of the run that produced the parameters: `run_id`'s, or 1 for a "
                + "backtest given without one. Options: `n_simulations` (10–1 000 000, default 1000), `method` (bootstrap or permutation), "
                + "`seed` (same seed, same output), `ruin_threshold` (percent, default 20), `confidence_level` (0.95), `fee_multiplier`, "
                + "`slippage_bps`, `skip_fraction`, `histogram_bins` (50). The answer adds `equity_bands`: the 5th–95th percentiles of the "
                + "paths' return at up to 100 points along them. `n_simulations` × trades may be at most "
                + "`Optimizations:Limits:MaxMonteCarloCells` (50 000 000), else 422 on `n_simulations`. A body that cannot be read is 400, "
                + "bad values or a source without trades 422; 404 unknown optimization or run; 403 for anyone but the owner or an admin.")
            .WithRequestExample(RunExamples.MonteCarlo)
            .WithResponseExample(RunExamples.MonteCarloResult)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> RunAsync(
        long id, JsonElement? body, ClaimsPrincipal user, [AsParameters] MonteCarloServices services, CancellationToken cancellationToken)
    {
        MonteCarloOptions options;
        long? backtestId, runId;
        try
        {
            options = body is { ValueKind: JsonValueKind.Object } given ? given.Deserialize<MonteCarloOptions>(Json)! : new MonteCarloOptions();
            backtestId = Id(body, "backtest_id");
            runId = Id(body, "run_id");
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [exception.Message] });
        }
        if (options.Validate() is { Count: > 0 } invalid)
        {
            return OptimizationsApi.Unprocessable(invalid.ToDictionary(error => error.Key, error => new[] { error.Value }));
        }
        var (optimization, refusal) = await OptimizationsApi.RunnableAsync(services.Store, id, user, cancellationToken);
        if (optimization is null)
        {
            return refusal!;
        }
        OptimizationRun? producer = null;
        if (runId is { } named && (producer = await services.Runs.GetAsync(id, named, cancellationToken)) is null)
        {
            return RunsApi.NotFound(id, named);
        }

        var started = services.Time.GetUtcNow();
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
            source = new JsonObject { ["kind"] = "backtest", ["backtest_id"] = backtest, ["run_id"] = producer?.Id };
        }
        else
        {
            producer ??= await services.Runs.LatestWithBestAsync(id, cancellationToken);
            if (producer?.BestParams is null)
            {
                return Unprocessable(
                    runId is null ? "backtest_id" : "run_id",
                    runId is null
                        ? "the optimization has no completed run with best parameters yet: run a grid or a search first, or give a backtest_id."
                        : $"run {runId} has found no parameters.");
            }
            var result = await RunBestAsync(optimization, producer, services.Candles, cancellationToken);
            trades = TradeReturns.FromPnl(optimization.InitialCapital, [.. result.Trades.Select(trade => trade.Pnl)], [.. result.Trades.Select(trade => trade.Commission)]);
            source = new JsonObject { ["kind"] = "best_result", ["run_id"] = producer.Id, ["params"] = JsonNode.Parse(producer.BestParams) };
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
        var trials = Math.Max(1, producer?.Total ?? 1);
        var deflated = DeflatedSharpe.FromReturns(trades.Returns, trials);
        var answer = new JsonObject
        {
            ["optimization_id"] = id,
            ["source"] = source,
            ["monte_carlo"] = JsonSerializer.SerializeToNode(simulation, Json),
            ["deflated_sharpe"] = deflated is null ? null : JsonSerializer.SerializeToNode(deflated, Json),
        };
        var settings = JsonSerializer.SerializeToNode(options with { Seed = simulation.Seed }, Json)!.AsObject();
        settings["source"] = source.DeepClone();
        answer["run_id"] = await services.Runs.RecordFinishedAsync(
            id, RunKind.MonteCarlo, settings, options.Simulations, answer, started, services.Time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(answer);
    }

    private static long? Id(JsonElement? body, string key) =>
        body is { ValueKind: JsonValueKind.Object } given && given.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : null;

    /// <summary>A run's best parameters run once on the optimization's candles with the settings that run used, for their trades.</summary>
    private static async Task<BacktestResult> RunBestAsync(Optimization optimization, OptimizationRun producer, CandleCache candles, CancellationToken cancellationToken)
    {
        var settings = JsonNode.Parse(producer.Settings)!.AsObject();
        var spec = RunSpec.Parse(settings["objective"]!.ToJsonString());
        var errors = new Dictionary<string, string[]>();
        var run = OptimizationSettings.Create(spec, settings["config"] as JsonObject, optimization.Timeframe, optimization.InitialCapital, errors)
                  ?? throw new InvalidDataException(string.Join(" ", errors.SelectMany(error => error.Value)));
        var parameters = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(producer.BestParams!)!;
        var strategy = StrategyCatalog.Validate(run.Strategy.Definition, parameters).Value
                       ?? throw new InvalidDataException("the stored best parameters no longer fit the strategy");
        var series = await candles.GetAsync(optimization.Symbol, optimization.Timeframe, optimization.StartDate, optimization.EndDate, cancellationToken);
        return Backtester.Run(series, strategy, run.Settings, run.Filters);
    }

    private static ProblemHttpResult Unprocessable(string field, string message) =>
        OptimizationsApi.Unprocessable(new Dictionary<string, string[]> { [field] = [message] });
}

internal sealed record MonteCarloServices(
    OptimizationStore Store, OptimizationRuns Runs, BacktestClient Backtests, CandleCache Candles, IOptions<OptimizationLimits> Limits, TimeProvider Time);
