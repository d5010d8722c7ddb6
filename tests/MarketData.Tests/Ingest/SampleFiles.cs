using System.IO.Compression;
using Platform.Engine.Data;
using Platform.MarketData.Ingest;
using Platform.MarketData.Uploads;

namespace Platform.MarketData.Tests.Ingest;

/// <summary>The upload samples in <c>Files/</c>, read the way the ingest endpoint reads them.</summary>
internal static class SampleFiles
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

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
            await foreach (var row in file.ReadRowsAsync(cancellation.Token))
            {
                rows.Add(row);
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
