namespace Platform.Backtests.Reports;

/// <summary>The export endpoint's error details, worded as the original's (docs/api-behaviour.md, 2.11).</summary>
internal static class ReportErrors
{
    public const string BacktestNotFound = "Backtest not found";

    /// <summary>400 when the status is not <c>completed</c> or the result document is empty.</summary>
    public const string NotCompleted = "Backtest must be completed to export reports";

    /// <summary>400 for an unknown <c>{report_type}</c>; the list names the two new types after the contract's five.</summary>
    public static string InvalidReportType(string reportType) =>
        $"Invalid report_type: {reportType}. Must be one of: {string.Join(", ", ReportTypes.Names)}";
}
