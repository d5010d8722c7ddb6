using System.Buffers.Binary;
using System.IO.Pipelines;
using Npgsql;

namespace Platform.MarketData.Candles;

/// <summary>
/// The internal binary read at the speed of PostgreSQL's own binary COPY: the range's rows leave the server in its binary
/// COPY format (docs/postgres-binary-copy.md) and become the 56-byte rows of <see cref="CandleFormats.Binary"/> in one pass
/// over the bytes, with no value, row or object in between.
/// </summary>
internal static class BinaryCopyRows
{
    private const int SignatureAndFlags = 11 + 4;
    private const int Fields = 7;
    private const int RowsPerFlush = 4096;

    /// <summary>
    /// Writes the candles of <paramref name="range"/>, ascending, inside the connection's current transaction, to
    /// <paramref name="output"/>, and keeps a copy of the rows in <paramref name="kept"/> unless it is empty; without an
    /// output, the rows go to <paramref name="kept"/> alone, which must then have room for them. Returns how many rows.
    /// </summary>
    public static async Task<int> WriteAsync(
        NpgsqlConnection connection, CandleRange range, PipeWriter? output, Memory<byte> kept, CancellationToken cancellationToken)
    {
        // COPY takes no parameters: the symbol is letters and digits (MarketSymbol), the interval a known code, the bounds numbers.
        var query = $"""
            COPY (SELECT open_time, open, high, low, close, volume, turnover FROM candle_bars
                  WHERE series_id = (SELECT id FROM candle_series
                                     WHERE symbol = '{range.Symbol.Replace("'", "''", StringComparison.Ordinal)}' AND interval = '{range.Interval.Code}')
                    AND open_time >= {range.Start} AND open_time < {range.End}
                  ORDER BY open_time)
            TO STDOUT (FORMAT BINARY)
            """;
        await using var stream = await connection.BeginRawBinaryCopyAsync(query, cancellationToken);
        var buffer = new byte[1 << 16];
        int filled = 0, offset = 0, rows = 0;
        var headerRead = false;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
            if (!headerRead)
            {
                if (filled < SignatureAndFlags + 4)
                {
                    continue;
                }
                offset = SignatureAndFlags + 4 + BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(SignatureAndFlags));
                headerRead = true;
            }

            while (TryWriteRow(buffer.AsSpan(offset, filled - offset), output, kept.Span[Math.Min(kept.Length, rows * CandleFormats.BinaryRowSize)..], out var consumed))
            {
                offset += consumed;
                if (++rows % RowsPerFlush == 0 && output is not null)
                {
                    await output.FlushAsync(cancellationToken);
                }
            }

            buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
            (filled, offset) = (filled - offset, 0);
        }
        if (output is not null)
        {
            await output.FlushAsync(cancellationToken);
        }
        return rows;
    }

    /// <summary>
    /// Converts the tuple at the start of <paramref name="tuples"/>, if it is there whole: a field count, then each field's
    /// length and big-endian bytes (length −1 for a null turnover, written as NaN). The trailer (count −1) writes nothing.
    /// </summary>
    private static bool TryWriteRow(ReadOnlySpan<byte> tuples, PipeWriter? output, Span<byte> kept, out int consumed)
    {
        consumed = 0;
        if (tuples.Length < 2 || BinaryPrimitives.ReadInt16BigEndian(tuples) is var count && count == -1)
        {
            return false;
        }
        if (count != Fields)
        {
            throw new InvalidDataException($"a COPY tuple of {count} fields where the candle query has {Fields}");
        }
        var row = output is null ? kept[..CandleFormats.BinaryRowSize] : output.GetSpan(CandleFormats.BinaryRowSize);
        var position = 2;
        for (var field = 0; field < Fields; field++)
        {
            if (tuples.Length < position + 4)
            {
                return false;
            }
            var length = BinaryPrimitives.ReadInt32BigEndian(tuples[position..]);
            position += 4;
            if (length < 0)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(row[(field * 8)..], double.NaN);
                continue;
            }
            if (length != sizeof(long))
            {
                throw new InvalidDataException($"a COPY field of {length} bytes where candle columns have {sizeof(long)}");
            }
            if (tuples.Length < position + length)
            {
                return false;
            }
            BinaryPrimitives.WriteInt64LittleEndian(row[(field * 8)..], BinaryPrimitives.ReadInt64BigEndian(tuples[position..]));
            position += length;
        }
        if (output is not null)
        {
            if (!kept.IsEmpty)
            {
                row[..CandleFormats.BinaryRowSize].CopyTo(kept);
            }
            output.Advance(CandleFormats.BinaryRowSize);
        }
        consumed = position;
        return true;
    }
}
