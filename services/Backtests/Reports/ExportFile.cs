namespace Platform.Backtests.Reports;

/// <summary>The download an export answers with: its file name, <c>Content-Type</c> and <c>Content-Disposition</c>.</summary>
internal sealed record ExportFile(string FileName, string ContentType)
{
    public const string Csv = "text/csv; charset=utf-8";
    public const string Zip = "application/zip";
    public const string Json = "application/json";
    public const string Pdf = "application/pdf";

    /// <summary>The header value the original sent (docs/api-behaviour.md, 2.11).</summary>
    public string ContentDisposition => $"attachment; filename={FileName}";

    /// <summary>
    /// <c>backtest_{id}_{report_type}.csv</c> for a CSV report, <c>backtest_{id}_reports.zip</c> for <c>all</c>
    /// (docs/api-behaviour.md, 2.11), <c>backtest_{id}_report.json</c> and <c>backtest_{id}_report.pdf</c> for the new types.
    /// </summary>
    public static ExportFile For(ReportType type, long backtestId) => type switch
    {
        ReportType.All => new($"backtest_{backtestId}_reports.zip", Zip),
        ReportType.Json => new($"backtest_{backtestId}_report.json", Json),
        ReportType.Pdf => new($"backtest_{backtestId}_report.pdf", Pdf),
        _ => new($"backtest_{backtestId}_{type.Name()}.csv", Csv),
    };
}
