using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Npgsql;
using Platform.Backtests.Charts;

namespace Platform.Backtests.Equity;

/// <summary>
/// Writes an equity curve point by point as its rows arrive from PostgreSQL (time, equity), with the charts' drawdown
/// worked out on the way, so that a million points never sit in memory as objects or text (docs/api-behaviour.md, 2.14).
/// </summary>
internal abstract class EquityWriter
{
    /// <summary>Bytes of a binary row: int64 time (ms), float64 equity, float64 drawdown in percent.</summary>
    public const int BinaryRowSize = 24;

    private const int RowsPerFlush = 4096;

    public abstract string ContentType { get; }

    /// <summary>Bytes per point when every row has the same size, so that the answer's length follows from its count.</summary>
    public virtual int? FixedRowSize => null;

    public static EquityWriter For(EquityFormat format) => format switch
    {
        EquityFormat.Binary => new BinaryRows(),
        EquityFormat.Csv => new CsvRows(),
        _ => new JsonPoints(),
    };

    public async Task WriteAsync(long backtestId, long count, NpgsqlDataReader reader, PipeWriter output, CancellationToken cancellationToken)
    {
        WriteStart(output, backtestId, count);
        var drawdown = new RunningDrawdown();
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            // Columns in order: the reader is sequential.
            var time = reader.GetInt64(0);
            var equity = reader.GetDouble(1);
            WriteRow(output, time, equity, drawdown.Next(equity));
            if (++rows % RowsPerFlush == 0)
            {
                BeforeFlush();
                await output.FlushAsync(cancellationToken);
            }
        }
        WriteEnd(output);
        await output.FlushAsync(cancellationToken);
    }

    protected virtual void WriteStart(PipeWriter output, long backtestId, long count)
    {
    }

    protected abstract void WriteRow(PipeWriter output, long time, double equity, double drawdown);

    protected virtual void BeforeFlush()
    {
    }

    protected virtual void WriteEnd(PipeWriter output)
    {
    }

    /// <summary>Headerless rows, little-endian, NaN where a value is unknown: the candle feed's conventions (4.14).</summary>
    private sealed class BinaryRows : EquityWriter
    {
        public override string ContentType => EquityFormats.BinaryMediaType;

        public override int? FixedRowSize => BinaryRowSize;

        protected override void WriteRow(PipeWriter output, long time, double equity, double drawdown)
        {
            var span = output.GetSpan(BinaryRowSize);
            BinaryPrimitives.WriteInt64LittleEndian(span, time);
            BinaryPrimitives.WriteDoubleLittleEndian(span[8..], equity);
            BinaryPrimitives.WriteDoubleLittleEndian(span[16..], drawdown);
            output.Advance(BinaryRowSize);
        }
    }

    /// <summary>A header row, then one line per point; numbers in their shortest round-trip form, an unknown one empty.</summary>
    private sealed class CsvRows : EquityWriter
    {
        private static readonly byte[] Header = "time,equity,drawdown_pct\n"u8.ToArray();

        public override string ContentType => $"{EquityFormats.CsvMediaType}; charset=utf-8";

        protected override void WriteStart(PipeWriter output, long backtestId, long count) => output.Write(Header);

        protected override void WriteRow(PipeWriter output, long time, double equity, double drawdown)
        {
            var span = output.GetSpan(128);
            Utf8Formatter.TryFormat(time, span, out var length);
            length += Field(span[length..], equity);
            length += Field(span[length..], drawdown);
            span[length++] = (byte)'\n';
            output.Advance(length);
        }

        private static int Field(Span<byte> span, double value)
        {
            span[0] = (byte)',';
            if (!double.IsFinite(value))
            {
                return 1;
            }
            value.TryFormat(span[1..], out var written, provider: CultureInfo.InvariantCulture);
            return written + 1;
        }
    }

    /// <summary><c>{"backtest_id", "count", "points": [{"time", "equity", "drawdown_pct"}, ...]}</c>; non-finite numbers as null.</summary>
    private sealed class JsonPoints : EquityWriter
    {
        private Utf8JsonWriter? _json;

        public override string ContentType => EquityFormats.JsonMediaType;

        protected override void WriteStart(PipeWriter output, long backtestId, long count)
        {
            _json = new Utf8JsonWriter(output);
            _json.WriteStartObject();
            _json.WriteNumber("backtest_id"u8, backtestId);
            _json.WriteNumber("count"u8, count);
            _json.WriteStartArray("points"u8);
        }

        protected override void WriteRow(PipeWriter output, long time, double equity, double drawdown)
        {
            var json = _json!;
            json.WriteStartObject();
            json.WriteNumber("time"u8, time);
            Number(json, "equity"u8, equity);
            Number(json, "drawdown_pct"u8, drawdown);
            json.WriteEndObject();
        }

        protected override void BeforeFlush() => _json!.Flush();

        protected override void WriteEnd(PipeWriter output)
        {
            _json!.WriteEndArray();
            _json.WriteEndObject();
            _json.Flush();
            _json.Dispose();
        }

        private static void Number(Utf8JsonWriter json, ReadOnlySpan<byte> name, double value)
        {
            if (double.IsFinite(value))
            {
                json.WriteNumber(name, value);
            }
            else
            {
                json.WriteNull(name);
            }
        }
    }
}
