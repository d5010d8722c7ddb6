using System.IO.Compression;
using Platform.Engine.Data;
using Platform.MarketData.Ingest;
using Platform.MarketData.Uploads;

namespace Platform.MarketData.Tests.Ingest;

/// <summary>The upload samples in <c>Files/</c>, read the way the ingest endpoint reads them.</summary>
internal static class SampleFiles
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The rejected lines of Files/bad-rows.csv and why, worked out by reading the file; lines 2 and 13 are valid.</summary>
    public static readonly (long Row, string Reason)[] BadRows =
    [
        (3, "high 90 is below low 95"),
        (4, "volume -3 is negative"),
        (5, "open 'abc' is not a number"),
        (6, "open time 2024-01-01T00:03:30Z is not aligned to interval 1"),
        (7, "high 95 is below max(open, close) 100"),
        (8, "low 101 is above min(open, close) 100"),
        (9, "expected 6 columns, found 4"),
        (10, "open 0 is not a positive finite price"),
        (11, "open time is missing"),
        (12, "open time 'yesterday' is not a timestamp (epoch seconds, ms or µs, or ISO-8601)"),
    ];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Files", name);

    /// <summary>The format by its <c>fmt</c> name (docs/api-behaviour.md, 4.10), so theories can name it in public signatures.</summary>
    public static CandleFileFormat Format(string fmt) => Enum.Parse<CandleFileFormat>(fmt, ignoreCase: true);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static Task<(string Layout, CandleFileRow[] Rows)> ReadAsync(string name, CandleFileFormat format, string interval) =>
        ReadAsync(File.OpenRead(PathOf(name)), format, interval);

    public static async Task<(string Layout, CandleFileRow[] Rows)> ReadAsync(Stream content, CandleFileFormat format, string interval)
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        await using (content)
        {
            using var file = await CandleFileReader.OpenAsync(content, format, Interval.Parse(interval), new UploadOptions(), cancellation.Token);
            var rows = new List<CandleFileRow>();
            await foreach (var batch in file.ReadBatchesAsync(cancellation.Token))
            {
                rows.AddRange(batch.Span);
            }

            return (file.Layout, [.. rows]);
        }
    }

    public static async Task<CandleFileFormat> SniffAsync(Stream content)
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        await using (content)
        {
            return await CandleFileReader.SniffAsync(content, new UploadOptions(), cancellation.Token);
        }
    }

    public static MemoryStream Gzipped(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        compressed.Position = 0;
        return compressed;
    }
}
