using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Writes rows into a <c>COPY ... FROM STDIN (FORMAT BINARY)</c> as the bytes of PostgreSQL's binary COPY format
/// (docs/postgres-binary-copy.md), through Npgsql's raw copy stream: each value is a length and a byte swap into a buffer,
/// where Npgsql's importer resolves and writes every value on its own. Rows are written one value at a time after
/// <see cref="StartRowAsync"/>, which makes room for a row of up to <see cref="MaxRowBytes"/>; arrays of any length go
/// through <see cref="WriteArrayAsync"/>. Disposed before <see cref="CompleteAsync"/>, the COPY is cancelled and PostgreSQL
/// keeps none of its rows.
/// </summary>
public sealed class BinaryCopyWriter : IAsyncDisposable
{
    /// <summary>The most a row started by <see cref="StartRowAsync"/> may take, arrays apart.</summary>
    public const int MaxRowBytes = 4096;

    private const int BufferSize = 1 << 16;
    private const uint Int8Oid = 20;
    private const uint Float8Oid = 701;

    /// <summary>The signature <c>PGCOPY\n\377\r\n\0</c>, no flags and no header extension.</summary>
    private static readonly byte[] Header = [.. "PGCOPY\n"u8, 0xFF, .. "\r\n\0"u8, 0, 0, 0, 0, 0, 0, 0, 0];

    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private readonly NpgsqlRawCopyStream _copy;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _position;
    private bool _completed;

    private BinaryCopyWriter(NpgsqlRawCopyStream copy)
    {
        _copy = copy;
        Header.CopyTo(_buffer, 0);
        _position = Header.Length;
    }

    /// <param name="target">The table and its columns, as in <c>COPY target FROM STDIN</c>.</param>
    public static async Task<BinaryCopyWriter> StartAsync(NpgsqlConnection connection, string target, CancellationToken cancellationToken) =>
        new(await connection.BeginRawBinaryCopyAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken));

    /// <summary>A text field ready to be written with <see cref="WriteEncoded"/>: its UTF-8 length, then its bytes.</summary>
    public static byte[] EncodeText(string value)
    {
        var bytes = new byte[4 + Encoding.UTF8.GetByteCount(value)];
        BinaryPrimitives.WriteInt32BigEndian(bytes, bytes.Length - 4);
        Encoding.UTF8.GetBytes(value, bytes.AsSpan(4));
        return bytes;
    }

    /// <summary>Starts a row of <paramref name="fields"/> values, first sending what the buffer holds when a row might not fit.</summary>
    public ValueTask StartRowAsync(short fields, CancellationToken cancellationToken)
    {
        var flush = _position > BufferSize - MaxRowBytes ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
        if (!flush.IsCompletedSuccessfully)
        {
            return StartAfterFlushAsync(flush, fields);
        }
        WriteInt16(fields);
        return ValueTask.CompletedTask;
    }

    public void Write(long value)
    {
        WriteInt32(sizeof(long));
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_position), value);
        _position += sizeof(long);
    }

    public void Write(int value)
    {
        WriteInt32(sizeof(int));
        WriteInt32(value);
    }

    public void Write(double value) => Write(BitConverter.DoubleToInt64Bits(value));

    public void Write(double? value) => WriteOrNull(value, static (writer, present) => writer.Write(present));

    public void Write(int? value) => WriteOrNull(value, static (writer, present) => writer.Write(present));

    /// <summary>A <c>timestamptz</c>: microseconds since 2000-01-01 UTC.</summary>
    public void WriteTimestamp(DateTime utc) => Write((DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks - PostgresEpochTicks) / 10);

    public void WriteTimestamp(DateTime? utc) => WriteOrNull(utc, static (writer, present) => writer.WriteTimestamp(present));

    public void WriteNull() => WriteInt32(-1);

    /// <summary>A field encoded ahead, as by <see cref="EncodeText"/>.</summary>
    public void WriteEncoded(ReadOnlySpan<byte> field)
    {
        field.CopyTo(_buffer.AsSpan(_position));
        _position += field.Length;
    }

    /// <summary>A <c>bigint[]</c> field of any length, sent as the buffer fills.</summary>
    public Task WriteArrayAsync(ReadOnlyMemory<long> values, CancellationToken cancellationToken) =>
        WriteArrayAsync(values, Int8Oid, static value => value, cancellationToken);

    /// <summary>A <c>double precision[]</c> field of any length, sent as the buffer fills.</summary>
    public Task WriteArrayAsync(ReadOnlyMemory<double> values, CancellationToken cancellationToken) =>
        WriteArrayAsync(values, Float8Oid, BitConverter.DoubleToInt64Bits, cancellationToken);

    /// <summary>Writes the trailer and ends the COPY; PostgreSQL checks the rows then.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_position > BufferSize - 2)
        {
            await FlushAsync(cancellationToken);
        }
        WriteInt16(-1);
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

    /// <summary>
    /// One dimension, no nulls, lower bound 1: the field's length, the array header, then each element as its length (8) and
    /// its eight bytes.
    /// </summary>
    private async Task WriteArrayAsync<T>(ReadOnlyMemory<T> values, uint elementType, Func<T, long> bits, CancellationToken cancellationToken)
    {
        const int HeaderBytes = 5 * 4;
        const int ElementBytes = 4 + sizeof(long);
        if (_position > BufferSize - 4 - HeaderBytes)
        {
            await FlushAsync(cancellationToken);
        }
        WriteInt32(checked(HeaderBytes + values.Length * ElementBytes));
        WriteInt32(1);
        WriteInt32(0);
        WriteInt32((int)elementType);
        WriteInt32(values.Length);
        WriteInt32(1);
        for (var start = 0; start < values.Length;)
        {
            var count = Math.Min(values.Length - start, (BufferSize - _position) / ElementBytes);
            if (count == 0)
            {
                await FlushAsync(cancellationToken);
                continue;
            }
            var elements = values.Span.Slice(start, count);
            var target = _buffer.AsSpan(_position, count * ElementBytes);
            for (var i = 0; i < elements.Length; i++)
            {
                var element = target.Slice(i * ElementBytes, ElementBytes);
                BinaryPrimitives.WriteInt32BigEndian(element, sizeof(long));
                BinaryPrimitives.WriteInt64BigEndian(element[4..], bits(elements[i]));
            }
            _position += target.Length;
            start += count;
        }
    }

    /// <summary>The value through <paramref name="write"/>, or a null; the writers are static lambdas, which allocate no delegate per value.</summary>
    private void WriteOrNull<T>(T? value, Action<BinaryCopyWriter, T> write)
        where T : struct
    {
        if (value is { } present)
        {
            write(this, present);
        }
        else
        {
            WriteNull();
        }
    }

    private async ValueTask StartAfterFlushAsync(ValueTask flush, short fields)
    {
        await flush;
        WriteInt16(fields);
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _copy.WriteAsync(_buffer.AsMemory(0, _position), cancellationToken);
        _position = 0;
    }

    private void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), value);
        _position += sizeof(short);
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), value);
        _position += sizeof(int);
    }
}
