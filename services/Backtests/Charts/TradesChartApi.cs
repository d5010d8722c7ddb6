using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Backtests.Backtests;
using Platform.Backtests.Reports;
using Platform.Candles;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Backtests.Charts;

internal static class TradesChartApi
{
    /// <summary>
    /// The run's candles with its entries and exits marked (docs/api-behaviour.md, 2.15), in the other charts' formats,
    /// optionally zoomed with <c>start</c> and <c>end</c>.
    /// </summary>
    public static RouteGroupBuilder MapTradesChartApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:long}/charts/trades", ChartAsync)
            .WithName("TradesChart")
            .Documented(
                "Price chart of a completed run's candles with every entry and exit marked: plotly_json (default), figure or png",
                "`start` (inclusive) and `end` (exclusive), epoch ms or ISO-8601, zoom within the run's range. The price line is thinned to "
                + "at most 4 000 points; the first 5 000 trades of the window are marked, with an annotation when there are more. Checks "
                + "in order: format 400; `start`/`end` unreadable or out of order 400 naming the parameter; 404 \"Backtest not found\"; "
                + "400 \"Backtest must be completed to generate charts\"; 422 \"Nothing to chart\". Candles come from the market data "
                + "service: 503 with `Retry-After` while Bybit is unreachable, 422 for a refused request, 502 otherwise.")
            .WithResponseExample(ReportExamples.PlotlyJson)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<PlotlyAnswer>, Ok<JsonObject>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ChartAsync(
        long id, string? format, string? start, string? end, HttpContext context, [AsParameters] TradesChartServices services, CancellationToken cancellationToken)
    {
        if (!ChartFormats.TryParse(format, out var chartFormat))
        {
            return TypedResults.Problem(ChartFormats.Invalid(format!), statusCode: StatusCodes.Status400BadRequest, title: "Invalid format");
        }
        var errors = new Dictionary<string, string[]>();
        if (ChartWindow.Parse(start, end, errors) is not { } window)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await services.Store.GetAsync(id, cancellationToken) is not { } backtest)
        {
            return BacktestInput.NotFound();
        }
        if (backtest.Status != BacktestStatus.Completed)
        {
            return TypedResults.Problem(ChartErrors.NotCompleted, statusCode: StatusCodes.Status400BadRequest, title: "Backtest not completed");
        }
        if (window.Within(Ms(backtest.StartDate), Ms(backtest.EndDate)) is not var (from, to))
        {
            return TypedResults.Problem(
                $"start and end leave nothing of the backtest's range {backtest.StartDate:O} to {backtest.EndDate:O}.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Nothing to chart");
        }

        CandleColumns candles;
        try
        {
            candles = await services.Candles.ReadAsync(backtest.Symbol, backtest.Timeframe, from, to, cancellationToken);
        }
        catch (CandleFeedException exception)
        {
            return CandlesUnavailable(exception, context);
        }
        if (candles.Count == 0)
        {
            return TypedResults.Problem(
                $"No candles of {backtest.Symbol} {backtest.Timeframe} in the range.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing to chart");
        }

        var trades = await TradesAsync(services.DataSource, id, from, to, cancellationToken);
        var data = TradesChartData.From($"{backtest.Symbol} {backtest.Timeframe}: Price & Trades", candles, trades, from, to);
        return chartFormat switch
        {
            ChartFormat.Png => TypedResults.File(ChartImages.Png(TradesPlot.Build(data)), ChartFormats.PngContentType),
            ChartFormat.Figure => TypedResults.Ok(TradesFigure.Build(data)),
            _ => TypedResults.Ok(new PlotlyAnswer(TradesFigure.Build(data).ToJsonString())),
        };
    }

    /// <summary>The first <see cref="TradesChartData.MaxTrades"/> trades entering or leaving in [from, to), each with the window's total.</summary>
    private static async Task<List<ChartTrade>> TradesAsync(NpgsqlDataSource dataSource, long id, long from, long to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var trades = await connection.QueryAsync<StoredChartTrade>(new CommandDefinition(
            """
            SELECT entry_time, exit_time, side, entry_price, exit_price, pnl, exit_reason, count(*) OVER () AS total
            FROM trades
            WHERE backtest_id = @Id
              AND ((entry_time >= @From AND entry_time < @To) OR (exit_time >= @From AND exit_time < @To))
            ORDER BY entry_time, id
            LIMIT @Limit
            """,
            new
            {
                Id = id,
                From = DateTimeOffset.FromUnixTimeMilliseconds(from).UtcDateTime,
                To = DateTimeOffset.FromUnixTimeMilliseconds(to).UtcDateTime,
                Limit = TradesChartData.MaxTrades,
            },
            cancellationToken: cancellationToken));
        return [.. trades.Select(trade => trade.ToTrade())];
    }

    /// <summary>As the multi-timeframe run answers a failed candle read (docs/api-behaviour.md, 2.7): 503 with <c>Retry-After</c>, 422 or 502.</summary>
    private static ProblemHttpResult CandlesUnavailable(CandleFeedException exception, HttpContext context)
    {
        if (exception.IsUpstreamOutage)
        {
            var retryAfter = exception.RetryAfter ?? CandleFeedException.DefaultRetryAfter;
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        return TypedResults.Problem(
            $"Candles unavailable: {exception.Message}",
            statusCode: exception.IsUpstreamOutage ? StatusCodes.Status503ServiceUnavailable
                : exception.IsPermanent ? StatusCodes.Status422UnprocessableEntity
                : StatusCodes.Status502BadGateway,
            title: "Candles unavailable");
    }

    private static long Ms(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}

internal sealed record TradesChartServices(BacktestStore Store, NpgsqlDataSource DataSource, CandleFeed Candles);
