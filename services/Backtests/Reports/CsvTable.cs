using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Platform.Backtests.Reports;

/// <summary>
/// Writes rows of cells as CSV the way Python's <c>csv.writer</c> did for the original reports: comma separated, CRLF
/// line ends, a field quoted only when it holds a comma, a quote or a line break; UTF-8 without a byte order mark.
/// Only asynchronous writes reach the stream, so it can be an HTTP response body.
/// </summary>
internal static class CsvTable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        ShouldQuote = args => args.Field is { } field && field.AsSpan().IndexOfAny(",\"\r\n") >= 0,
    };

    public static async Task WriteAsync(IEnumerable<string[]> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(new StreamWriter(output, Utf8, bufferSize: 64 * 1024, leaveOpen: true), Configuration);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var cell in row)
            {
                csv.WriteField(cell);
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    public static IEnumerable<string[]> Rows(ReportType type, ReportInput input) => type switch
    {
        ReportType.ListOfTrades => ListOfTradesReport.Rows(input),
        ReportType.Performance => PerformanceReport.Rows(input),
        ReportType.RiskRatios => RiskRatiosReport.Rows(input),
        ReportType.TradesAnalysis => TradesAnalysisReport.Rows(input),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a CSV report"),
    };
}
