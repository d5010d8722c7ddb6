using System.Buffers.Binary;
using Dapper;
using Npgsql;

namespace Platform.MarketData.Tests.Candles;

/// <summary>Stored candles as the binary read should give them, read by a plain query of the <c>candles</c> view.</summary>
internal static class StoredRows
{
    /// <summary>The rows of the range as 56-byte little-endian rows, ascending (a null turnover as NaN).</summary>
    public static async Task<byte[]> ReadAsync(string? connectionString, string symbol, long start, long end)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var rows = (await connection.QueryAsync<(long OpenTime, double Open, double High, double Low, double Close, double Volume, double? Turnover)>(
            """
            SELECT open_time, open, high, low, close, volume, turnover FROM candles
            WHERE symbol = @Symbol AND interval = '1' AND open_time >= @Start AND open_time < @End ORDER BY open_time
            """,
            new { Symbol = symbol, Start = start, End = end })).AsList();
        var bytes = new byte[rows.Count * 56];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = bytes.AsSpan(i * 56, 56);
            BinaryPrimitives.WriteInt64LittleEndian(row, rows[i].OpenTime);
            double[] values = [rows[i].Open, rows[i].High, rows[i].Low, rows[i].Close, rows[i].Volume, rows[i].Turnover ?? double.NaN];
            for (var field = 0; field < values.Length; field++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(row[(8 + field * 8)..], values[field]);
            }
        }
        return bytes;
    }
}
