using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Platform.MarketData.Candles;

/// <summary>
/// Writes candles into a binary <c>COPY ... FROM STDIN</c> as the bytes of PostgreSQL's binary COPY format
/// (docs/postgres-binary-copy.md), through Npgsql's raw copy stream: the series and source columns are encoded once, and
/// each candle is a few byte swaps into a buffer, where Npgsql's importer would resolve and write ten values one by one.
/// Disposed before <see cref="CompleteAsync"/>, the COPY is cancelled and writes nothing.
/// </summary>
internal sealed class CandleCopyWriter : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;

    /// <summary>The signature <c>PGCOPY\n\377\r\n\0</c>, no flags and no header extension.</summary>
    private static readonly byte[] Header = [.. "PGCOPY\n"u8, 0xFF, .. "\r\n\0"u8, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly NpgsqlRawCopyStream _copy;
    private readonly byte[] _leading;
    private readonly byte[] _trailing;
    private readonly short _fields;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly int _largestRow;
    private int _position;
    private bool _completed;

    private CandleCopyWriter(NpgsqlRawCopyStream copy, string? symbol, string? interval, string? source)
    {
        _copy = copy;
        _leading = symbol is null ? [] : [.. Text(symbol), .. Text(interval!)];
        _trailing = source is null ? [] : Text(source);
        _fields = (short)(7 + (symbol is null ? 0 : 2) + (source is null ? 0 : 1));
        _largestRow = 2 + _leading.Length + 7 * (4 + 8) + _trailing.Length;
        Header.CopyTo(_buffer, 0);
        _position = Header.Length;
    }

    /// <summary>
    /// Starts <c>COPY <paramref name="target"/> FROM STDIN (FORMAT BINARY)</c>. With a symbol, the target's columns are the
    /// symbol, the interval, the seven candle values and the source; without one, the seven candle values alone.
    /// </summary>
    public static async Task<CandleCopyWriter> StartAsync(
        NpgsqlConnection connection, string target, string? symbol, string? interval, string? source, CancellationToken cancellationToken) =>
        new(await connection.BeginRawBinaryCopyAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken), symbol, interval, source);

    public ValueTask WriteAsync(in Candle candle, CancellationToken cancellationToken)
    {
        var row = _buffer.AsSpan(_position);
        BinaryPrimitives.WriteInt16BigEndian(row, _fields);
        _leading.CopyTo(row[2..]);
        var at = 2 + _leading.Length;
        at += Field(row[at..], candle.OpenTime);
        at += Field(row[at..], BitConverter.DoubleToInt64Bits(candle.Open));
        at += Field(row[at..], BitConverter.DoubleToInt64Bits(candle.High));
        at += Field(row[at..], BitConverter.DoubleToInt64Bits(candle.Low));
        at += Field(row[at..], BitConverter.DoubleToInt64Bits(candle.Close));
        at += Field(row[at..], BitConverter.DoubleToInt64Bits(candle.Volume));
        if (candle.Turnover is { } turnover)
        {
            at += Field(row[at..], BitConverter.DoubleToInt64Bits(turnover));
        }
        else
        {
            BinaryPrimitives.WriteInt32BigEndian(row[at..], -1);
            at += 4;
        }
        _trailing.CopyTo(row[at..]);
        _position += at + _trailing.Length;
        return _position > BufferSize - _largestRow ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Writes the trailer and ends the COPY; PostgreSQL checks the rows then.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), -1);
        _position += 2;
        await FlushAsync(cancellationToken);
        _completed = true;
        await _copy.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await _copy.CancelAsync();
            await _copy.DisposeAsync();
        }
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _copy.WriteAsync(_buffer.AsMemory(0, _position), cancellationToken);
        _position = 0;
    }

    private static int Field(Span<byte> destination, long bits)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, sizeof(long));
        BinaryPrimitives.WriteInt64BigEndian(destination[4..], bits);
        return 4 + sizeof(long);
    }

    /// <summary>A text field: its UTF-8 length, then its bytes.</summary>
    private static byte[] Text(string value)
    {
        var bytes = new byte[4 + Encoding.UTF8.GetByteCount(value)];
        BinaryPrimitives.WriteInt32BigEndian(bytes, bytes.Length - 4);
        Encoding.UTF8.GetBytes(value, bytes.AsSpan(4));
        return bytes;
    }
}
