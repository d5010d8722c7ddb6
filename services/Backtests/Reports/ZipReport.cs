using System.IO.Compression;

namespace Platform.Backtests.Reports;

/// <summary>
/// <c>all</c> (docs/api-behaviour.md, 2.11): a ZIP of the four CSV reports, deflated, as <c>backtest_{id}_{report_type}.csv</c>
/// entries. Each entry reaches the stream (which need not be seekable) as soon as it is compressed, so at most one
/// compressed entry is held in memory.
/// </summary>
internal static class ZipReport
{
    public static async Task WriteAsync(ReportInput input, Stream output, CancellationToken cancellationToken)
    {
        using var relay = new RelayStream();
        await using (var archive = await ZipArchive.CreateAsync(relay, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            foreach (var type in ReportTypes.Csv)
            {
                var entry = archive.CreateEntry(ExportFile.For(type, input.Header.BacktestId).FileName, CompressionLevel.Optimal);
                await using (var stream = await entry.OpenAsync(cancellationToken))
                {
                    await CsvTable.WriteAsync(CsvTable.Rows(type, input), stream, cancellationToken);
                }

                await relay.DrainToAsync(output, cancellationToken);
            }
        }

        await relay.DrainToAsync(output, cancellationToken);
    }
}
