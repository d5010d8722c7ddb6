using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Backtests.Backtests;
using Platform.Backtests.Reports;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Backtests.Charts;

internal static class ChartsApi
{
    /// <summary>
    /// Plotly figures of a completed run (docs/api-behaviour.md, 2.12) as the original's <c>{"plotly_json": "..."}</c>, or with
    /// <c>?format=figure</c> as a JSON object, or <c>?format=png</c> rendered on the server.
    /// </summary>
    public static RouteGroupBuilder MapChartsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:long}/charts/equity_curve", (long id, [FromQuery(Name = "show_drawdown")] bool? showDrawdown, string? format, [AsParameters] ChartServices services, CancellationToken cancellationToken) =>
            ChartAsync(id, ChartKind.EquityCurve, showDrawdown ?? true, ChartErrors.DefaultBins, format, services, cancellationToken))
            .WithName("EquityCurveChart")
            .Documented(
                "Equity curve of a completed run, with its drawdown below by default",
                "`format`: plotly_json (default, the figure as a JSON string), figure (the same figure as an object) or png (rendered on the "
                + "server); else 400. Curves are thinned to at most 2000 points, keeping each stretch's extremes. Checks in order: format "
                + "400, 404 \"Backtest not found\", 400 \"Backtest must be completed to generate charts\", 422 unreadable stored "
                + "document, 400 \"No equity data available\". `show_drawdown` (default true) adds the drawdown subplot.")
            .WithResponseExample(ReportExamples.PlotlyJson)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:long}/charts/drawdown_overlay", (long id, string? format, [AsParameters] ChartServices services, CancellationToken cancellationToken) =>
            ChartAsync(id, ChartKind.DrawdownOverlay, true, ChartErrors.DefaultBins, format, services, cancellationToken))
            .WithName("DrawdownOverlayChart")
            .Documented(
                "Equity with its drawdown overlaid on a second axis",
                "`format`: plotly_json (default, the figure as a JSON string), figure (the same figure as an object) or png (rendered on the "
                + "server); else 400. Curves are thinned to at most 2000 points, keeping each stretch's extremes. Checks in order: format "
                + "400, 404 \"Backtest not found\", 400 \"Backtest must be completed to generate charts\", 422 unreadable stored "
                + "document, 400 \"No equity data available\".")
            .WithResponseExample(ReportExamples.PlotlyJson)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:long}/charts/pnl_distribution", (long id, int? bins, string? format, [AsParameters] ChartServices services, CancellationToken cancellationToken) =>
            ChartAsync(id, ChartKind.PnlDistribution, true, bins ?? ChartErrors.DefaultBins, format, services, cancellationToken))
            .WithName("PnlDistributionChart")
            .Documented(
                "Histogram of the closed trades' PnL with mean, median and zero marked",
                "`format`: plotly_json (default, the figure as a JSON string), figure (the same figure as an object) or png (rendered on the "
                + "server); else 400. Curves are thinned to at most 2000 points, keeping each stretch's extremes. Checks in order: format "
                + "400, `bins` outside 10–100 (default 30) 422, 404 \"Backtest not found\", 400 \"Backtest must be completed to generate "
                + "charts\", 422 unreadable stored document, 400 \"No trades available\" or \"No completed trades available\".")
            .WithResponseExample(ReportExamples.PlotlyJson)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapTradesChartApi();
        return group;
    }

    private static async Task<Results<Ok<PlotlyAnswer>, Ok<JsonObject>, FileContentHttpResult, ProblemHttpResult>> ChartAsync(
        long id, ChartKind kind, bool showDrawdown, int bins, string? format, ChartServices services, CancellationToken cancellationToken)
    {
        if (!ChartFormats.TryParse(format, out var chartFormat))
        {
            return TypedResults.Problem(ChartFormats.Invalid(format!), statusCode: StatusCodes.Status400BadRequest, title: "Invalid format");
        }
        if (bins is < ChartErrors.MinBins or > ChartErrors.MaxBins)
        {
            return TypedResults.Problem(ChartErrors.InvalidBins, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Invalid bins");
        }
        if (await services.Store.GetAsync(id, cancellationToken) is not { } backtest)
        {
            return BacktestInput.NotFound();
        }
        if (backtest.Status != BacktestStatus.Completed)
        {
            return TypedResults.Problem(ChartErrors.NotCompleted, statusCode: StatusCodes.Status400BadRequest, title: "Backtest not completed");
        }
        ReportInput input;
        try
        {
            input = await services.Loader.LoadAsync(backtest, cancellationToken);
        }
        catch (ReportDataException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The stored results cannot be charted");
        }
        if (ChartErrors.Check(kind, input) is { } error)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Nothing to chart");
        }
        return chartFormat switch
        {
            ChartFormat.Png => TypedResults.File(ChartImages.Png(kind, input, showDrawdown, bins), ChartFormats.PngContentType),
            ChartFormat.Figure => TypedResults.Ok(PlotlyFigures.Build(kind, input, showDrawdown, bins)),
            _ => TypedResults.Ok(new PlotlyAnswer(PlotlyFigures.Build(kind, input, showDrawdown, bins).ToJsonString())),
        };
    }
}

/// <summary>The original answer: the figure as a JSON-encoded string, kept for compatibility.</summary>
internal sealed record PlotlyAnswer(string PlotlyJson);

internal sealed record ChartServices(BacktestStore Store, ReportLoader Loader);
