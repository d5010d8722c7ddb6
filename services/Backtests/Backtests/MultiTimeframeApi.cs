using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Backtests.Queue;
using Platform.Backtests.Strategies;
using Platform.Candles;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Backtests.Backtests;

/// <summary>
/// A multi-timeframe backtest run at once (docs/api-behaviour.md, 2.7). Every timeframe is validated up front; the higher timeframes are
/// built from the central candles (closed candles only, so nothing looks ahead); a run above
/// <see cref="MultiTimeframeOptions.MaxSynchronousBars"/> is queued instead (202).
/// </summary>
internal static class MultiTimeframeApi
{
    public const string MissingTimeframes = "additional_timeframes required for MTF backtest";

    public static RouteGroupBuilder MapMultiTimeframeApi(this RouteGroupBuilder group)
    {
        group.MapPost("/mtf", RunAsync)
            .WithName("RunMultiTimeframeBacktest")
            .Documented(
                "Run a multi-timeframe backtest synchronously (queued with 202 above the configured size)",
                "The create body, run at once and not stored. `additional_timeframes` is required; each must be a higher timeframe the "
                + "central `timeframe` fits into exactly (422 otherwise, before any data is read); unknown strategy 404. The higher "
                + "timeframes are built from the central candles, closed candles only, so nothing looks ahead. Candles unavailable: 422 "
                + "when permanent (unknown symbol) or when the range holds no valid candles, 503 with `Retry-After` while Bybit cannot be "
                + "reached, 502 otherwise. Above `Backtests:Mtf:MaxSynchronousBars` central bars (100 000) the run is stored and queued "
                + "instead: 202 with the backtest and `Location`.")
            .WithRequestExample(BacktestExamples.MultiTimeframe)
            .WithResponseExample(BacktestExamples.MultiTimeframeResult)
            .WithResponseExample(BacktestExamples.Queued, StatusCodes.Status202Accepted)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<JsonObject>, Accepted<BacktestView>, ValidationProblem, ProblemHttpResult>> RunAsync(
        CreateBacktestRequest request,
        StrategyStore strategies,
        BacktestStore store,
        BacktestQueue queue,
        CandleFeed candles,
        IOptions<MultiTimeframeOptions> options,
        IOptions<BacktestLimits> limits,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        if (request.CheckShape() is { Count: > 0 } malformed)
        {
            return TypedResults.ValidationProblem(malformed);
        }
        var errors = request.Validate(limits.Value.MaxBars);
        if (request.AdditionalTimeframes is not { Length: > 0 })
        {
            errors["additional_timeframes"] = [MissingTimeframes];
        }
        if (errors.Count > 0)
        {
            return BacktestInput.Unprocessable(errors);
        }
        var central = Interval.Parse(request.Timeframe!);
        var higher = request.AdditionalTimeframes!.Distinct().Select(Interval.Parse).ToList();
        foreach (var interval in higher.Where(interval => !interval.Nests(central)))
        {
            errors["additional_timeframes"] = [$"invalid timeframe '{interval.Code}': it must be a higher timeframe that {central.Code} bars fit into exactly."];
        }
        if (errors.Count > 0)
        {
            return BacktestInput.Unprocessable(errors);
        }
        if (await strategies.GetAsync(request.StrategyId!.Value, cancellationToken) is not { } strategy)
        {
            return TypedResults.Problem("Strategy not found", statusCode: StatusCodes.Status404NotFound, title: "Strategy not found");
        }
        var plan = BacktestPlan.For(request, strategy);
        if (plan.Configure(errors) is not { } run)
        {
            return BacktestInput.Unprocessable(errors);
        }

        var start = request.StartDate!.Value.ToUnixTimeMilliseconds();
        var end = request.EndDate!.Value.ToUnixTimeMilliseconds();
        if (central.PeriodIndex(end) - central.PeriodIndex(start) > options.Value.MaxSynchronousBars)
        {
            // Unlike POST /, this route has always stored an empty config rather than none.
            var queued = await store.CreateAsync(
                new NewBacktest(
                    strategy.Id, request.Symbol!, request.Timeframe!, request.StartDate.Value.UtcDateTime, request.EndDate.Value.UtcDateTime,
                    plan.InitialCapital, plan.Leverage, plan.Commission, (plan.Config ?? []).ToJsonString(), request.AdditionalTimeframes, request.HtfFilterArray?.ToJsonString(),
                    Ownership.Caller(httpContext.User), strategy.Version),
                cancellationToken);
            await queue.EnqueueAsync(queued.Id);
            return TypedResults.Accepted($"/api/v1/backtests/{queued.Id}", BacktestView.From(queued));
        }

        CandleColumns columns;
        try
        {
            columns = await candles.ReadAsync(request.Symbol!, central.Code, start, end, cancellationToken);
        }
        catch (CandleFeedException exception)
        {
            if (exception.IsUpstreamOutage)
            {
                var retryAfter = exception.RetryAfter ?? CandleFeedException.DefaultRetryAfter;
                httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return TypedResults.Problem(
                $"MTF backtest failed: {exception.Message}",
                statusCode: exception.IsUpstreamOutage ? StatusCodes.Status503ServiceUnavailable
                    : exception.IsPermanent ? StatusCodes.Status422UnprocessableEntity
                    : StatusCodes.Status502BadGateway,
                title: "Candles unavailable");
        }
        var series = CandleSeries.Adopt(central, columns.OpenTime, columns.Open, columns.High, columns.Low, columns.Close, columns.Volume).Series;
        if (series is null || series.Count == 0)
        {
            return TypedResults.Problem(
                $"MTF backtest failed: no valid {central.Code} candles of {request.Symbol} in the range.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "No data");
        }

        var result = Backtester.Run(series, run.Strategy, run.Settings, run.Filters);
        var indicators = HigherTimeframeIndicators.Compute(series, higher, strategy.StrategyType, request.HtfFilterArray);
        var mtfConfig = new JsonObject
        {
            ["central_timeframe"] = central.Code,
            ["additional_timeframes"] = new JsonArray([.. higher.Select(interval => JsonValue.Create(interval.Code))]),
            ["htf_filters"] = request.HtfFilterArray?.DeepClone() ?? new JsonArray(),
        };
        var results = ResultDocument.Create(result);
        results["mtf_config"] = mtfConfig.DeepClone();
        results["htf_indicators"] = indicators.DeepClone();
        return TypedResults.Ok(new JsonObject
        {
            ["status"] = "completed",
            ["symbol"] = request.Symbol,
            ["central_timeframe"] = central.Code,
            ["additional_timeframes"] = mtfConfig["additional_timeframes"]!.DeepClone(),
            ["initial_capital"] = plan.InitialCapital,
            ["results"] = results,
            ["htf_indicators"] = indicators,
            ["mtf_config"] = mtfConfig,
        });
    }
}

/// <summary>Settings under <c>Backtests:Mtf</c>.</summary>
internal sealed class MultiTimeframeOptions
{
    public const string Section = "Backtests:Mtf";

    /// <summary>Central bars above which <c>POST /mtf</c> queues the run and answers 202 instead of waiting.</summary>
    public int MaxSynchronousBars { get; set; } = 100_000;
}
