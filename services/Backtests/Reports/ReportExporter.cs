namespace Platform.Backtests.Reports;

/// <summary>
/// One entry point for <c>GET /{id}/export/{report_type}</c>: <see cref="ExportFile.For"/> names the download and
/// <see cref="WriteAsync"/> writes it to the response body (or any stream) with asynchronous writes only.
/// </summary>
internal static class ReportExporter
{
    public static Task WriteAsync(ReportType type, ReportInput input, Stream output, CancellationToken cancellationToken) => type switch
    {
        ReportType.All => ZipReport.WriteAsync(input, output, cancellationToken),
        ReportType.Json => JsonReport.WriteAsync(input, output, cancellationToken),
        ReportType.Pdf => PdfReport.WriteAsync(input, output, cancellationToken),
        _ => CsvTable.WriteAsync(CsvTable.Rows(type, input), output, cancellationToken),
    };
}
