using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Backtests.Backtests;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Backtests.Reports;

internal static class ExportsApi
{
    /// <summary>
    /// The contract's reports plus <c>json</c> and <c>pdf</c>, of a completed run, streamed as downloads
    /// (docs/api-behaviour.md, 2.11).
    /// </summary>
    public static RouteGroupBuilder MapExportsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:long}/export/{reportType}", ExportAsync)
            .WithName("ExportBacktest")
            .Documented(
                "Download a report: list_of_trades, performance, risk_ratios, trades_analysis (CSV), all (ZIP), json or pdf",
                "A completed run's report as an attachment (`backtest_{id}_{report_type}.csv`, `backtest_{id}_reports.zip`, "
                + "`backtest_{id}_report.json`, `backtest_{id}_report.pdf`), streamed. Checks in order: 404 \"Backtest not found\"; 400 "
                + "\"Backtest must be completed to export reports\"; 400 \"Invalid report_type\" (exact, case-sensitive); 422 when the "
                + "stored document cannot be read. Numbers are formatted as the original's reports did (ties to even).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["application/json", "application/zip", "application/pdf"])
            .WithResponseExample(ReportExamples.ListOfTradesCsv, contentType: "text/csv")
            .WithResponseExample(ReportExamples.JsonReport, contentType: "application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(
        long id, string reportType, HttpContext context, BacktestStore store, ReportLoader loader, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } backtest)
        {
            return BacktestInput.NotFound();
        }
        if (backtest.Status != BacktestStatus.Completed || backtest.Results is null)
        {
            return TypedResults.Problem(ReportErrors.NotCompleted, statusCode: StatusCodes.Status400BadRequest, title: "Backtest not completed");
        }
        if (!ReportTypes.TryParse(reportType, out var type))
        {
            return TypedResults.Problem(ReportErrors.InvalidReportType(reportType), statusCode: StatusCodes.Status400BadRequest, title: "Invalid report type");
        }
        ReportInput input;
        try
        {
            input = await loader.LoadAsync(backtest, cancellationToken);
        }
        catch (ReportDataException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The stored results cannot be reported");
        }
        var file = ExportFile.For(type, id);
        context.Response.ContentType = file.ContentType;
        context.Response.Headers.ContentDisposition = file.ContentDisposition;
        await ReportExporter.WriteAsync(type, input, context.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }
}
