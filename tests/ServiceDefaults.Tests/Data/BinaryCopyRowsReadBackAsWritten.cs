using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Data;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests.Data;

/// <summary>
/// Rows written in PostgreSQL's binary COPY format by <see cref="BinaryCopyWriter"/> are read back from a real server as
/// they were written: every kind of value, nulls, text beyond ASCII, arrays longer than the writer's buffer, and enough
/// rows to fill it many times. A writer disposed before it completes leaves nothing.
/// </summary>
public sealed class BinaryCopyRowsReadBackAsWritten
{
    private const string Table = "copied (id, at, price, maybe, bars, label, times, values)";

    [Fact]
    public async Task EveryKindOfValueReadsBackAsWritten()
    {
        await using var connection = await OpenTableAsync();
        var at = new DateTime(2024, 2, 29, 23, 59, 58, 123, DateTimeKind.Utc).AddTicks(4560);
        long[] times = [.. Enumerable.Range(0, 20_000).Select(i => 1_700_000_000_000L + i * 60_000L)];
        double[] values = [.. Enumerable.Range(0, 20_000).Select(i => Math.Sqrt(i) - 0.1 * i), double.NaN, double.NegativeInfinity, -0.0, double.Epsilon];

        await using (var copy = await BinaryCopyWriter.StartAsync(connection, Table, CancellationToken.None))
        {
            for (var id = 0L; id < 5_000; id++)
            {
                await copy.StartRowAsync(8, CancellationToken.None);
                copy.Write(id);
                copy.WriteTimestamp(at.AddMinutes(id));
                copy.Write(id * 0.5 - 1e-9);
                copy.Write(id % 2 == 0 ? null : (double?)id);
                copy.Write((int)id - 2_500);
                copy.WriteEncoded(BinaryCopyWriter.EncodeText($"ligne {id} · ✓"));
                if (id == 4_999)
                {
                    await copy.WriteArrayAsync(times, CancellationToken.None);
                    await copy.WriteArrayAsync(values, CancellationToken.None);
                }
                else
                {
                    copy.WriteNull();
                    copy.WriteNull();
                }
            }
            await copy.CompleteAsync(CancellationToken.None);
        }

        var rows = (await connection.QueryAsync<(long Id, DateTime At, double Price, double? Maybe, int Bars, string Label)>(
            "SELECT id, at, price, maybe, bars, label FROM copied ORDER BY id")).ToList();
        Assert.Equal(5_000, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(at.AddMinutes(row.Id), row.At.ToUniversalTime());
            Assert.Equal(row.Id * 0.5 - 1e-9, row.Price);
            Assert.Equal(row.Id % 2 == 0 ? null : row.Id, row.Maybe);
            Assert.Equal((int)row.Id - 2_500, row.Bars);
            Assert.Equal($"ligne {row.Id} · ✓", row.Label);
        });
        var arrays = await connection.QuerySingleAsync<(long[] Times, double[] Values)>("SELECT times, values FROM copied WHERE id = 4999");
        Assert.Equal(times, arrays.Times);
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), arrays.Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(4_999, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM copied WHERE times IS NULL"));
    }

    [Fact]
    public async Task AWriterDisposedBeforeItCompletesLeavesNoRow()
    {
        await using var connection = await OpenTableAsync();

        await using (var copy = await BinaryCopyWriter.StartAsync(connection, Table, CancellationToken.None))
        {
            for (var id = 0L; id < 10_000; id++)
            {
                await copy.StartRowAsync(8, CancellationToken.None);
                copy.Write(id);
                copy.WriteTimestamp(DateTime.UtcNow);
                copy.Write(1.0);
                copy.WriteNull();
                copy.Write(1);
                copy.WriteEncoded(BinaryCopyWriter.EncodeText("x"));
                copy.WriteNull();
                copy.WriteNull();
            }
        }

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM copied"));
    }

    private static async Task<NpgsqlConnection> OpenTableAsync()
    {
        var servers = await TestServers.GetAsync();
        var database = TestDatabase.NewName("binarycopy");
        await TestDatabase.CreateAsync(servers.PostgresConnectionString, database, CancellationToken.None);
        var connection = new NpgsqlConnection(TestDatabase.ConnectionString(servers.PostgresConnectionString, database));
        await connection.OpenAsync();
        await connection.ExecuteAsync(
            """
            CREATE TABLE copied (
                id bigint PRIMARY KEY, at timestamptz NOT NULL, price double precision NOT NULL, maybe double precision,
                bars integer NOT NULL, label text NOT NULL, times bigint[], values double precision[])
            """);
        return connection;
    }
}
