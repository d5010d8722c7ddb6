using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Npgsql;

namespace Platform.MarketData.Candles;

/// <summary>
/// The encodings of the candle reads, internal and paged. <see cref="Binary"/> is one 56-byte little-endian row per candle:
/// open time (int64 ms), open, high, low, close, volume, turnover (float64; NaN when unknown).
/// </summary>
internal abstract class CandleFormats
{
    public const string Json = "application/json";
    public const string Csv = "text/csv";
    public const string Binary = "application/x-platform-candles";
    public const int BinaryRowSize = 56;

    private const int RowsPerFlush = 4096;

    public abstract string ContentType { get; }

    /// <summary>Bytes per candle when every row has the same size, so that the length of an answer is known from its count.</summary>
    public virtual int? FixedRowSize => null;

    /// <summary>The candle as one <see cref="Binary"/> row at the start of <paramref name="row"/>.</summary>
    public static void WriteBinaryRow(Span<byte> row, in Candle candle)
    {
        BinaryPrimitives.WriteInt64LittleEndian(row, candle.OpenTime);
        BinaryPrimitives.WriteDoubleLittleEndian(row[8..], candle.Open);
        BinaryPrimitives.WriteDoubleLittleEndian(row[16..], candle.High);
        BinaryPrimitives.WriteDoubleLittleEndian(row[24..], candle.Low);
        BinaryPrimitives.WriteDoubleLittleEndian(row[32..], candle.Close);
        BinaryPrimitives.WriteDoubleLittleEndian(row[40..], candle.Volume);
        BinaryPrimitives.WriteDoubleLittleEndian(row[48..BinaryRowSize], candle.Turnover ?? double.NaN);
    }

    public static CandleFormats WriterFor(StringValues accept)
    {
        foreach (var value in accept)
        {
            if (value?.Contains(Binary, StringComparison.OrdinalIgnoreCase) == true)
            {
                return new BinaryRows();
            }
            if (value?.Contains(Csv, StringComparison.OrdinalIgnoreCase) == true)
            {
                return new CsvRows();
            }
        }
        return new JsonRows(null);
    }

    /// <summary>The writer of one page of the public read (docs/api-behaviour.md, 4.16): the rows above, JSON inside the page's object.</summary>
    public static CandleFormats For(CandlePageFormat format, CandlePageHead head) => format switch
    {
        CandlePageFormat.Binary => new BinaryRows(),
        CandlePageFormat.Csv => new CsvRows(),
        _ => new JsonRows(head),
    };

    public async Task WriteAsync(NpgsqlDataReader reader, PipeWriter output, CancellationToken cancellationToken)
    {
        WriteStart(output);
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            WriteRow(output, new Candle(
                reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6)));
            if (++rows % RowsPerFlush == 0)
            {
                await output.FlushAsync(cancellationToken);
            }
        }
        WriteEnd(output);
        await output.FlushAsync(cancellationToken);
    }

    protected virtual void WriteStart(PipeWriter output)
    {
    }

    protected abstract void WriteRow(PipeWriter output, in Candle candle);

    protected virtual void WriteEnd(PipeWriter output)
    {
    }

    private sealed class BinaryRows : CandleFormats
    {
        public override string ContentType => Binary;

        public override int? FixedRowSize => BinaryRowSize;

        protected override void WriteRow(PipeWriter output, in Candle candle)
        {
            WriteBinaryRow(output.GetSpan(BinaryRowSize), candle);
            output.Advance(BinaryRowSize);
        }
    }

    private sealed class CsvRows : CandleFormats
    {
        private static readonly byte[] Header = "open_time,open,high,low,close,volume,turnover\n"u8.ToArray();

        public override string ContentType => Csv;

        protected override void WriteStart(PipeWriter output) => output.Write(Header);

        protected override void WriteRow(PipeWriter output, in Candle candle)
        {
            var span = output.GetSpan(256);
            Utf8Formatter.TryFormat(candle.OpenTime, span, out var length);
            length += Field(span[length..], candle.Open);
            length += Field(span[length..], candle.High);
            length += Field(span[length..], candle.Low);
            length += Field(span[length..], candle.Close);
            length += Field(span[length..], candle.Volume);
            span[length++] = (byte)',';
            if (candle.Turnover is { } turnover)
            {
                turnover.TryFormat(span[length..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
                length += written;
            }
            span[length++] = (byte)'\n';
            output.Advance(length);
        }

        private static int Field(Span<byte> span, double value)
        {
            span[0] = (byte)',';
            value.TryFormat(span[1..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            return written + 1;
        }
    }

    /// <summary>A bare array for the internal read; for a page, its object with the rows under <c>items</c>.</summary>
    private sealed class JsonRows(CandlePageHead? page) : CandleFormats
    {
        private Utf8JsonWriter? _json;

        public override string ContentType => Json;

        protected override void WriteStart(PipeWriter output)
        {
            _json = new Utf8JsonWriter(output);
            if (page is null)
            {
                _json.WriteStartArray();
                return;
            }
            _json.WriteStartObject();
            _json.WriteString("symbol"u8, page.Symbol);
            _json.WriteString("interval"u8, page.Interval);
            _json.WriteNumber("count"u8, page.Count);
            _json.WriteString("next_cursor"u8, page.NextCursor);
            _json.WriteStartArray("items"u8);
        }

        protected override void WriteRow(PipeWriter output, in Candle candle)
        {
            var json = _json!;
            json.WriteStartObject();
            json.WriteNumber("open_time"u8, candle.OpenTime);
            json.WriteNumber("open"u8, candle.Open);
            json.WriteNumber("high"u8, candle.High);
            json.WriteNumber("low"u8, candle.Low);
            json.WriteNumber("close"u8, candle.Close);
            json.WriteNumber("volume"u8, candle.Volume);
            if (candle.Turnover is { } turnover)
            {
                json.WriteNumber("turnover"u8, turnover);
            }
            else
            {
                json.WriteNull("turnover"u8);
            }
            json.WriteEndObject();
            json.Flush();
        }

        protected override void WriteEnd(PipeWriter output)
        {
            _json!.WriteEndArray();
            if (page is not null)
            {
                _json.WriteEndObject();
            }
            _json.Flush();
            _json.Dispose();
        }
    }
}

/// <summary>What a JSON page says besides its rows: its series, how many rows it holds, and the cursor of the next page (null on the last).</summary>
internal sealed record CandlePageHead(string Symbol, string Interval, int Count, string? NextCursor);
