using System.Buffers;
using System.IO.Pipelines;
using System.Text.Unicode;
using Platform.MarketData.Uploads;

namespace Platform.MarketData.Ingest;

/// <summary>
/// The text inside an upload: gunzipped when it starts with the gzip magic bytes (file names are not trusted), and
/// checked on its first 4 KiB to be UTF-8 text (docs/api-behaviour.md, 4.11) before a parser sees it.
/// </summary>
internal static class CandleFileContent
{
    public const int BufferSize = 65_536;
    public const string EmptyMessage = "the file is empty";

    private const int HeadSize = 4_096;

    private static ReadOnlySpan<byte> GzipMagic => [0x1F, 0x8B];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Opens the text of <paramref name="content"/>, read from its current position and left open; the returned stream
    /// owns everything else. Throws <see cref="CandleFileException"/> when the content is empty, corrupt gzip or not text;
    /// reading gzip text past the limits of <paramref name="limits"/> throws <see cref="UploadTooLargeException"/>.
    /// </summary>
    public static async Task<DecodedContent> OpenAsync(Stream content, UploadOptions limits, CancellationToken cancellationToken)
    {
        // A pipe lets the head be looked at and then read again, even when the upload stream cannot seek.
        var text = PipeReader.Create(content, new StreamPipeReaderOptions(bufferSize: BufferSize, leaveOpen: true));
        try
        {
            var (head, isWhole) = await PeekAsync(text, cancellationToken);
            if (head.AsSpan().StartsWith(GzipMagic))
            {
                text = PipeReader.Create(new BoundedGzipStream(text.AsStream(), limits), new StreamPipeReaderOptions(bufferSize: BufferSize));
                (head, isWhole) = await PeekAsync(text, cancellationToken);
            }

            return new DecodedContent(text.AsStream(), LooksLike(head, isWhole));
        }
        catch
        {
            await text.CompleteAsync();
            throw;
        }
    }

    /// <summary>The exception for gzip data that fails to inflate, wherever the reading notices it.</summary>
    public static CandleFileException CorruptGzip(InvalidDataException exception) => new("the gzip data is corrupt", exception);

    private static async Task<(byte[] Head, bool IsWhole)> PeekAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        ReadResult result;
        try
        {
            result = await reader.ReadAtLeastAsync(HeadSize, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            throw CorruptGzip(exception);
        }

        var buffer = result.Buffer;
        var head = buffer.Slice(0, Math.Min(buffer.Length, HeadSize)).ToArray();
        reader.AdvanceTo(buffer.Start);
        return (head, result.IsCompleted && buffer.Length <= HeadSize);
    }

    private static CandleFileFormat LooksLike(ReadOnlySpan<byte> head, bool isWhole)
    {
        if (head.StartsWith(Utf8Bom))
        {
            head = head[Utf8Bom.Length..];
        }

        // Tab, line feed, vertical tab, form feed and carriage return are the only control bytes text files hold.
        var hasControlBytes = head.IndexOfAnyInRange((byte)0x00, (byte)0x08) >= 0 || head.IndexOfAnyInRange((byte)0x0E, (byte)0x1F) >= 0;
        if (hasControlBytes || Utf8.ToUtf16(head, new char[head.Length], out _, out _, false, isWhole) == OperationStatus.InvalidData)
        {
            throw new CandleFileException("the file is not UTF-8 text; upload CSV or JSON Lines, optionally gzip-compressed");
        }

        var start = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0 && isWhole)
        {
            throw new CandleFileException(EmptyMessage);
        }

        return start >= 0 && head[start] is (byte)'{' or (byte)'[' ? CandleFileFormat.Jsonl : CandleFileFormat.Csv;
    }
}

/// <summary>An upload's text, owning the streams beneath it, and the format its first character suggests.</summary>
internal sealed record DecodedContent(Stream Text, CandleFileFormat Format);
