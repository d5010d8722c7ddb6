using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Platform.Engine.Data;

namespace Platform.MarketData.Ingest;

/// <summary>
/// A JSON Lines upload: one object keyed like the CSV columns, or one array <c>[time, open, high, low, close, volume?,
/// turnover?]</c> (freqtrade's row, Bybit's <c>result.list</c> item), per line. Blank lines are skipped, others that
/// are not such JSON are rejected.
/// </summary>
internal sealed class JsonlCandleFile : CandleFile
{
    private readonly StreamReader reader;
    private readonly Interval interval;
    private readonly long firstRow;
    private readonly string firstLine;

    private JsonlCandleFile(StreamReader reader, string layout, Interval interval, long firstRow, string firstLine)
        : base(layout)
    {
        this.reader = reader;
        this.interval = interval;
        this.firstRow = firstRow;
        this.firstLine = firstLine;
    }

    /// <summary>Reads up to the first non-blank line, whose shape names the layout.</summary>
    public static async Task<CandleFile> OpenAsync(Stream text, Interval interval, CancellationToken cancellationToken)
    {
        var reader = new StreamReader(text, Encoding.UTF8, false, CandleFileContent.BufferSize);
        try
        {
            var row = 0L;
            string? line;
            do
            {
                line = await ReadLineAsync(reader, cancellationToken);
                row++;
            }
            while (line is not null && string.IsNullOrWhiteSpace(line));

            if (line is null)
            {
                throw new CandleFileException(CandleFileContent.EmptyMessage);
            }

            var start = line.AsSpan().TrimStart();
            var afterBracket = start[1..].TrimStart();
            if (start[0] == '[' && (afterBracket.IsEmpty || afterBracket[0] == '['))
            {
                throw new CandleFileException("the file is one JSON array, not JSON Lines; write one candle per line");
            }

            var layout = start[0] == '[' ? CandleFileLayout.JsonlArray : CandleFileLayout.Jsonl;
            return new JsonlCandleFile(reader, layout, interval, row, line);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public override async IAsyncEnumerable<ReadOnlyMemory<CandleFileRow>> ReadBatchesAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows = new CandleFileRow[BatchRows];
        var count = 0;
        var row = firstRow;
        for (var line = firstLine; line is not null; line = await ReadLineAsync(reader, cancellationToken), row++)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            rows[count++] = Parse(row, line);
            if (count == rows.Length)
            {
                yield return rows;
                count = 0;
            }
        }
        if (count > 0)
        {
            yield return rows.AsMemory(0, count);
        }
    }

    public override void Dispose() => reader.Dispose();

    private CandleFileRow Parse(long row, string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            return CandleFileRow.Rejected(row, $"invalid JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    var properties = root.EnumerateObject().ToArray();
                    return CandleColumns.Map(Array.ConvertAll(properties, property => property.Name))
                        .Select(index => Text(properties[index].Value))
                        .Parse(row, interval);
                case JsonValueKind.Array when root.GetArrayLength() is >= 5 and <= 7:
                    var count = root.GetArrayLength();
                    return new CandleColumns(0, 1, 2, 3, 4, count > 5 ? 5 : -1, count > 6 ? 6 : -1)
                        .Select(index => Text(root[index]))
                        .Parse(row, interval);
                case JsonValueKind.Array:
                    return CandleFileRow.Rejected(row, $"expected an array of 5 to 7 values [time, open, high, low, close, volume, turnover], found {root.GetArrayLength()}");
                default:
                    return CandleFileRow.Rejected(row, "expected a JSON object or array");
            }
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };

    private static async ValueTask<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            throw CandleFileContent.CorruptGzip(exception);
        }
    }
}
