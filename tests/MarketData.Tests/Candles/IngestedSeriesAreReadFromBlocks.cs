using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Npgsql;
using Platform.MarketData.Tests.Uploads;

namespace Platform.MarketData.Tests.Candles;

/// <summary>
/// An ingest that extends its series also stores the bars as blocks of binary-read rows (here a hundred bars a block), and
/// the binary read takes a range from them when the series names a block set its snapshot sees that holds the range;
/// every other write of the series through the store retires them. Some tests change <c>candle_bars</c> past the store,
/// without moving the series' version, to show which of the two a read came from.
/// </summary>
public sealed class IngestedSeriesAreReadFromBlocks(BlockReadFactory factory) : IClassFixture<BlockReadFactory>
{
    private const long Start = 1_704_067_200_000;
    private const long Minute = 60_000;

    [Fact]
    public async Task AnIngestOfANewSeriesStoresEveryBarInBlocks()
    {
        await IngestAsync("NEWBLOCKSUSDT", 0, 1_000);

        var (blockSet, blocksFrom) = await BlockSetAsync("NEWBLOCKSUSDT");
        var blocks = await BlocksAsync(blockSet!.Value);

        Assert.Equal(long.MinValue, blocksFrom);
        Assert.Equal(10, blocks.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(block => (Time(block * 100), Time(block * 100 + 99))), blocks.Select(block => (block.FirstTime, block.LastTime)));
        Assert.Equal(await StoredRows.ReadAsync(factory.DatabaseConnectionString, "NEWBLOCKSUSDT", Start, Time(1_000)), blocks.SelectMany(block => block.Bars).ToArray());
    }

    [Fact]
    public async Task TheBinaryReadComesFromTheBlocks()
    {
        await IngestAsync("FROMBLOCKSUSDT", 0, 500);
        await ChangeRowsPastTheStoreAsync("FROMBLOCKSUSDT");

        var rows = await ReadBinaryAsync("FROMBLOCKSUSDT", Time(50) + 1, Time(450));

        Assert.Equal(Enumerable.Range(51, 399).Select(Close), Closes(rows));
    }

    [Fact]
    public async Task ABlockSetNoSnapshotSeesYetIsNotRead()
    {
        await IngestAsync("UNSEENUSDT", 0, 200);
        await using (var connection = new NpgsqlConnection(factory.DatabaseConnectionString))
        {
            // As between the ingest's commit and its blocks' commit: the series names a set whose blocks are not visible.
            await connection.ExecuteAsync("UPDATE candle_series SET block_set = nextval('candle_block_sets') WHERE symbol = 'UNSEENUSDT'");
        }
        await ChangeRowsPastTheStoreAsync("UNSEENUSDT");

        var rows = await ReadBinaryAsync("UNSEENUSDT", Start, Time(200));

        Assert.Equal(await StoredRows.ReadAsync(factory.DatabaseConnectionString, "UNSEENUSDT", Start, Time(200)), rows);
        Assert.Equal(Enumerable.Range(0, 200).Select(minute => Close(minute) + 1_000), Closes(rows));
    }

    [Fact]
    public async Task AWriteThroughTheStoreRetiresTheBlocks()
    {
        await IngestAsync("RETIREDUSDT", 0, 300);
        var retired = (await BlockSetAsync("RETIREDUSDT")).BlockSet!.Value;

        var report = await IngestAsync("RETIREDUSDT", 100, 100, closeOffset: 0.25);
        await ChangeRowsPastTheStoreAsync("RETIREDUSDT");

        Assert.Equal(100, report.GetProperty("updated").GetInt64());
        Assert.Null((await BlockSetAsync("RETIREDUSDT")).BlockSet);
        Assert.Empty(await BlocksAsync(retired));
        Assert.Equal(await StoredRows.ReadAsync(factory.DatabaseConnectionString, "RETIREDUSDT", Start, Time(300)), await ReadBinaryAsync("RETIREDUSDT", Start, Time(300)));
    }

    [Fact]
    public async Task AnIngestThatExtendsAStoredSeriesHoldsWhatItAdded()
    {
        await IngestAsync("EXTENDEDUSDT", 0, 500);
        await IngestAsync("EXTENDEDUSDT", 500, 500);
        var (blockSet, blocksFrom) = await BlockSetAsync("EXTENDEDUSDT");
        await ChangeRowsPastTheStoreAsync("EXTENDEDUSDT");

        var whole = await ReadBinaryAsync("EXTENDEDUSDT", Start, Time(1_000));
        var added = await ReadBinaryAsync("EXTENDEDUSDT", Time(600), Time(900));

        Assert.Equal(Time(499) + 1, blocksFrom);
        Assert.Equal(5, (await BlocksAsync(blockSet!.Value)).Count);
        Assert.Equal(await StoredRows.ReadAsync(factory.DatabaseConnectionString, "EXTENDEDUSDT", Start, Time(1_000)), whole);
        Assert.Equal(Enumerable.Range(600, 300).Select(Close), Closes(added));
    }

    [Fact]
    public async Task ARefusedIngestLeavesNoBlocks()
    {
        var blocksBefore = await CountBlocksAsync();
        var client = factory.CreateClient();
        var file = Minutes("REFUSEDUSDT", 0, 300, closeOffset: 0) + $"{Time(300)},1,1,5,1,1\n";
        var id = await UploadRequests.UploadIdAsync(client, "refused.csv", Encoding.UTF8.GetBytes(file), "REFUSEDUSDT", "1");

        using var response = await UploadRequests.IngestAsync(client, id, ("strict", "true"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(blocksBefore, await CountBlocksAsync());
        Assert.Equal((null, null), await BlockSetAsync("REFUSEDUSDT"));
    }

    [Fact]
    public async Task AnIngestThatDoesNotExtendItsSeriesWritesNoBlocks()
    {
        var blocksBefore = await CountBlocksAsync();
        var client = factory.CreateClient();
        var descending = string.Join('\n', Minutes("DESCENDINGUSDT", 0, 300, closeOffset: 0).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Reverse());
        var id = await UploadRequests.UploadIdAsync(
            client, "descending.csv", Encoding.UTF8.GetBytes($"open_time,open,high,low,close,volume\n{descending}\n"), "DESCENDINGUSDT", "1");

        await UploadRequests.IngestOkAsync(client, id);

        Assert.Equal(blocksBefore, await CountBlocksAsync());
        Assert.Null((await BlockSetAsync("DESCENDINGUSDT")).BlockSet);
        Assert.Equal(await StoredRows.ReadAsync(factory.DatabaseConnectionString, "DESCENDINGUSDT", Start, Time(300)), await ReadBinaryAsync("DESCENDINGUSDT", Start, Time(300)));
    }

    [Fact]
    public async Task AnIngestThatStopsExtendingItsSeriesPartWayWritesNoBlocks()
    {
        var blocksBefore = await CountBlocksAsync();
        var client = factory.CreateClient();
        // The first 4,096 rows (a batch, copied at once) extend the series; the rows after them go back over it.
        var rows = Minutes("PARTWAYUSDT", 0, 4_500, closeOffset: 0) + string.Join('\n', Minutes("PARTWAYUSDT", 100, 200, closeOffset: 0.5).Split('\n').Skip(1));
        var id = await UploadRequests.UploadIdAsync(client, "part-way.csv", Encoding.UTF8.GetBytes(rows), "PARTWAYUSDT", "1");

        var report = await UploadRequests.IngestOkAsync(client, id);

        Assert.Equal(4_500, report.GetProperty("inserted").GetInt64());
        Assert.Equal(blocksBefore, await CountBlocksAsync());
        Assert.Null((await BlockSetAsync("PARTWAYUSDT")).BlockSet);
        Assert.Equal(await StoredRows.ReadAsync(factory.DatabaseConnectionString, "PARTWAYUSDT", Start, Time(4_500)), await ReadBinaryAsync("PARTWAYUSDT", Start, Time(4_500)));
    }

    private static long Time(int minute) => Start + minute * Minute;

    private static double Close(int minute) => 100 + minute * 0.5;

    /// <summary>
    /// The minutes' rows; the volumes tell the symbol's files apart, since an upload of content stored before is the
    /// stored upload, with its symbol.
    /// </summary>
    private static string Minutes(string symbol, int from, int count, double closeOffset)
    {
        var volume = symbol.Aggregate(0, (hash, letter) => (hash * 31 + letter) & 0xFFFF);
        var rows = new StringBuilder("open_time,open,high,low,close,volume\n");
        foreach (var minute in Enumerable.Range(from, count))
        {
            var close = Close(minute) + closeOffset;
            rows.Append(CultureInfo.InvariantCulture, $"{Time(minute)},{close - 1},{close + 2},{close - 2},{close},{volume + minute}\n");
        }
        return rows.ToString();
    }

    private async Task<System.Text.Json.JsonElement> IngestAsync(string symbol, int from, int count, double closeOffset = 0)
    {
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, $"{symbol}-{from}.csv", Encoding.UTF8.GetBytes(Minutes(symbol, from, count, closeOffset)), symbol, "1");
        return await UploadRequests.IngestOkAsync(client, id);
    }

    /// <summary>Every stored close of the series up by 1,000, written past the store: its version and blocks stay as they are.</summary>
    private async Task ChangeRowsPastTheStoreAsync(string symbol)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        await connection.ExecuteAsync(
            """
            UPDATE candle_bars SET close = close + 1000, high = high + 1000
            WHERE series_id = (SELECT id FROM candle_series WHERE symbol = @Symbol AND interval = '1')
            """,
            new { Symbol = symbol });
    }

    private async Task<(long? BlockSet, long? BlocksFrom)> BlockSetAsync(string symbol)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return await connection.QuerySingleOrDefaultAsync<(long?, long?)>(
            "SELECT block_set, blocks_from FROM candle_series WHERE symbol = @Symbol AND interval = '1'", new { Symbol = symbol });
    }

    private async Task<List<(long FirstTime, long LastTime, byte[] Bars)>> BlocksAsync(long blockSet)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return (await connection.QueryAsync<(long, long, byte[])>(
            "SELECT first_time, last_time, bars FROM candle_blocks WHERE block_set = @BlockSet ORDER BY first_time", new { BlockSet = blockSet })).AsList();
    }

    private async Task<long> CountBlocksAsync()
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM candle_blocks");
    }

    private async Task<byte[]> ReadBinaryAsync(string symbol, long start, long end)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/candles?symbol={symbol}&interval=1&start={start}&end={end}&backfill=false");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-platform-candles"));
        using var response = await factory.CreateClient(MarketDataFactory.InternalCaller).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static IEnumerable<double> Closes(byte[] rows) =>
        Enumerable.Range(0, rows.Length / 56).Select(row => BinaryPrimitives.ReadDoubleLittleEndian(rows.AsSpan(row * 56 + 32))).ToList();
}
