using System.Buffers;
using System.Buffers.Binary;
using System.Data;
using Dapper;
using Npgsql;

namespace Platform.MarketData.Candles;

/// <summary>
/// Reads of a series' blocks (migration 0009, <see cref="CandleBlockWriter"/>): binary-read rows as the ingest wrote them,
/// a block of up to 4,096 bars per PostgreSQL row, which leave the server without per-bar work.
/// </summary>
internal static class CandleBlocks
{
    /// <summary>
    /// In the connection's snapshot, the series' version (0 before its first write) and its block set when the snapshot
    /// sees its blocks and they hold every stored bar of <paramref name="range"/> (null otherwise), in one round trip. A
    /// set's blocks commit together, so seeing one of them is seeing them all.
    /// </summary>
    public static Task<(long Version, long? BlockSet)> SeriesAsync(NpgsqlConnection connection, CandleRange range, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<(long, long?)>(new CommandDefinition(
            """
            SELECT coalesce((SELECT version FROM candle_series WHERE symbol = @Symbol AND interval = @Interval), 0),
                   (SELECT block_set FROM candle_series AS series
                    WHERE symbol = @Symbol AND interval = @Interval AND blocks_from <= @Start
                      AND EXISTS (SELECT 1 FROM candle_blocks AS blocks WHERE blocks.block_set = series.block_set))
            """,
            new { range.Symbol, Interval = range.Interval.Code, range.Start },
            cancellationToken: cancellationToken));

    /// <summary>
    /// The rows of <paramref name="range"/> from the blocks of <paramref name="blockSet"/> into <paramref name="rows"/>;
    /// returns how many. A block inside the range is read straight into place; one across its start or end is read aside
    /// and its rows in the range copied.
    /// </summary>
    public static async Task<int> ReadAsync(
        NpgsqlConnection connection, long blockSet, CandleRange range, byte[] rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT first_time, last_time, length(bars), bars FROM candle_blocks
            WHERE block_set = $1 AND last_time >= $2 AND first_time < $3
            ORDER BY first_time
            """,
            connection)
        {
            Parameters = { new() { Value = blockSet }, new() { Value = range.Start }, new() { Value = range.End } },
        };
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        var aside = Array.Empty<byte>();
        var filled = 0;
        try
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (first, last, length) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2));
                await using var bars = await reader.GetStreamAsync(3, cancellationToken);
                if (first >= range.Start && last < range.End)
                {
                    await bars.ReadExactlyAsync(rows.AsMemory(filled, length), cancellationToken);
                    filled += length;
                    continue;
                }
                if (aside.Length < length)
                {
                    ArrayPool<byte>.Shared.Return(aside);
                    aside = ArrayPool<byte>.Shared.Rent(length);
                }
                await bars.ReadExactlyAsync(aside.AsMemory(0, length), cancellationToken);
                var block = aside.AsSpan(0, length);
                var inRange = block[(FirstAtOrAfter(block, range.Start) * CandleFormats.BinaryRowSize)..(FirstAtOrAfter(block, range.End) * CandleFormats.BinaryRowSize)];
                inRange.CopyTo(rows.AsSpan(filled));
                filled += inRange.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(aside);
        }
        return filled / CandleFormats.BinaryRowSize;
    }

    /// <summary>The index of the first of the ascending binary rows that opens at or after <paramref name="time"/>.</summary>
    private static int FirstAtOrAfter(ReadOnlySpan<byte> block, long time)
    {
        int low = 0, high = block.Length / CandleFormats.BinaryRowSize;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (BinaryPrimitives.ReadInt64LittleEndian(block[(middle * CandleFormats.BinaryRowSize)..]) < time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
