using System.Diagnostics;
using Platform.Engine.Data;
using Platform.MarketData.Ingest;
using Platform.MarketData.Uploads;

namespace Platform.MarketData.Bench;

/// <summary>An upload's CSV read, split and checked row by row as an ingest does, with nothing stored: the ingest's own CPU.</summary>
internal static class CsvParse
{
    public static async Task<double> SecondsAsync(string path, long rows)
    {
        var watch = Stopwatch.StartNew();
        await using var content = File.OpenRead(path);
        using var file = await CandleFileReader.OpenAsync(content, CandleFileFormat.Csv, Interval.Parse("1"), new UploadOptions(), CancellationToken.None);
        var tally = new IngestTally();
        await foreach (var _ in tally.ValidAsync(file.ReadBatchesAsync()))
        {
        }
        if (tally.Valid != rows)
        {
            throw new InvalidOperationException($"{tally.Valid} of {rows} rows were valid");
        }
        return watch.Elapsed.TotalSeconds;
    }
}
