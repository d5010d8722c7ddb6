using Platform.Engine.Data;
using Platform.MarketData.Uploads;

namespace Platform.MarketData.Ingest;

/// <summary>
/// Reads uploaded candle files (docs/api-behaviour.md, 4.11) in the layouts users bring (docs/bybit.md, 5), CSV or JSON Lines,
/// gzip-compressed or not, and tells which uploads are accepted at all.
/// </summary>
internal static class CandleFileReader
{
    /// <summary>
    /// Opens <paramref name="content"/> (read from its current position, left open) as <paramref name="format"/> and
    /// recognizes its layout. Throws <see cref="CandleFileException"/> when the file as a whole cannot be read: empty,
    /// not text, corrupt gzip, the other format, or no recognizable header; gzip text beyond <paramref name="limits"/>
    /// throws <see cref="UploadTooLargeException"/> when it is read.
    /// </summary>
    public static async Task<CandleFile> OpenAsync(Stream content, CandleFileFormat format, Interval interval, UploadOptions limits, CancellationToken cancellationToken)
    {
        var decoded = await CandleFileContent.OpenAsync(content, limits, cancellationToken);
        if (decoded.Format != format)
        {
            await decoded.Text.DisposeAsync();
            throw new CandleFileException(format == CandleFileFormat.Csv
                ? "the file holds JSON, not CSV; upload it as jsonl"
                : "the file is not JSON Lines (its first line is not a JSON object or array); upload it as csv");
        }

        return format == CandleFileFormat.Csv
            ? await CsvCandleFile.OpenAsync(decoded.Text, interval, cancellationToken)
            : await JsonlCandleFile.OpenAsync(decoded.Text, interval, cancellationToken);
    }

    /// <summary>
    /// The format <paramref name="content"/> looks like, from its first 4 KiB after any gzip; consumes the stream.
    /// Throws <see cref="CandleFileException"/> when it is none: empty, not text or corrupt gzip.
    /// </summary>
    public static async Task<CandleFileFormat> SniffAsync(Stream content, UploadOptions limits, CancellationToken cancellationToken)
    {
        var decoded = await CandleFileContent.OpenAsync(content, limits, cancellationToken);
        await decoded.Text.DisposeAsync();
        return decoded.Format;
    }

    /// <summary>The format a file name promises (<c>.csv</c>, <c>.jsonl</c>, either + <c>.gz</c>); null for a bare <c>.gz</c> or any other name.</summary>
    public static CandleFileFormat? FormatOf(string fileName)
    {
        var name = StripGzip(fileName);
        return name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? CandleFileFormat.Csv
            : name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? CandleFileFormat.Jsonl
            : null;
    }

    /// <summary>Whether an upload may carry this name: a format's extension, or <c>.gz</c> whose content then tells.</summary>
    public static bool IsAcceptedName(string fileName) => FormatOf(fileName) is not null || StripGzip(fileName).Length < fileName.Length;

    private static ReadOnlySpan<char> StripGzip(string fileName) =>
        fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName.AsSpan(0, fileName.Length - 3) : fileName;
}
