using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.MarketData.Tests.Uploads;

namespace Platform.MarketData.Tests.Candles;

/// <summary>
/// The binary read gives the stored rows, exactly, whichever way it takes them from PostgreSQL: from the blocks the ingest
/// wrote, into memory on one connection (small ranges), into memory in two halves on two connections sharing one
/// snapshot, or counted and streamed (ranges above <c>Candles:Read:BufferedBars</c>). The series has gaps in both halves,
/// so the halves' rows must close up, and across blocks; the cache is off, so every read is PostgreSQL's.
/// </summary>
public abstract class BinaryReadsAgreeHoweverTheRangeIsRead<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : MarketDataFactory
{
    private const string Symbol = "HALVESUSDT";
    private const long Start = 1_704_067_200_000;
    private const long Minute = 60_000;
    private const int Minutes = 3_000;

    private static readonly HashSet<int> Missing = [.. Enumerable.Range(100, 50), .. Enumerable.Range(2_500, 20), 2_999];

    public async Task InitializeAsync()
    {
        if (await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, Symbol) > 0)
        {
            return;
        }
        var rows = new StringBuilder("open_time,open,high,low,close,volume,turnover\n");
        foreach (var minute in Enumerable.Range(0, Minutes).Where(minute => !Missing.Contains(minute)))
        {
            var open = 100 + minute * 0.5;
            rows.Append(CultureInfo.InvariantCulture, $"{Start + minute * Minute},{open},{open + 3},{open - 2},{open + 1},{minute},{(minute % 3 == 0 ? "" : "7.25")}\n");
        }
        var client = factory.CreateClient();
        await UploadRequests.IngestOkAsync(client, await UploadRequests.UploadIdAsync(client, "halves.csv", Encoding.UTF8.GetBytes(rows.ToString()), Symbol, "1"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0, Minutes)]
    [InlineData(0, 1_500)]
    [InlineData(90, 2_600)]
    [InlineData(2_990, Minutes + 10)]
    public async Task TheRowsAreTheStoredOnes(int from, int to)
    {
        var (start, end) = (Start + from * Minute, Start + to * Minute);

        using var response = await ReadAsync(start, end);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal(await StoredRows.ReadAsync(factory.DatabaseConnectionString, Symbol, start, end), bytes);
    }

    [Fact]
    public async Task AnUnalignedRangeHoldsTheBarsOpeningInIt()
    {
        var (start, end) = (Start + 10 * Minute + 1, Start + 2_000 * Minute - 1);

        using var response = await ReadAsync(start, end);

        Assert.Equal(await StoredRows.ReadAsync(factory.DatabaseConnectionString, Symbol, start, end), await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<HttpResponseMessage> ReadAsync(long start, long end)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/candles?symbol={Symbol}&interval=1&start={start}&end={end}&backfill=false");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-platform-candles"));
        return await factory.CreateClient(MarketDataFactory.InternalCaller).SendAsync(request);
    }
}

/// <summary>Ranges read from blocks of a hundred bars: whole blocks inside a range, parts of those across its ends.</summary>
public sealed class BlockBinaryReads(BlockReadFactory factory) : BinaryReadsAgreeHoweverTheRangeIsRead<BlockReadFactory>(factory);

/// <summary>Ranges of ten bars or more read in two halves at once.</summary>
public sealed class HalvedBinaryReads(HalvedReadFactory factory) : BinaryReadsAgreeHoweverTheRangeIsRead<HalvedReadFactory>(factory);

/// <summary>Every range counted and streamed.</summary>
public sealed class CountedBinaryReads(CountedReadFactory factory) : BinaryReadsAgreeHoweverTheRangeIsRead<CountedReadFactory>(factory);

/// <summary>Ranges read into memory on one connection, as small ranges without blocks are by default.</summary>
public sealed class BufferedBinaryReads(UncachedReadFactory factory) : BinaryReadsAgreeHoweverTheRangeIsRead<UncachedReadFactory>(factory);

public class UncachedReadFactory : MarketDataFactory
{
    public UncachedReadFactory()
    {
        Set("Candles:RangeCache:MaxMegabytes", "0");
        Set("Candles:Blocks:BarsPerBlock", "0");
    }
}

public sealed class BlockReadFactory : MarketDataFactory
{
    public BlockReadFactory()
    {
        Set("Candles:RangeCache:MaxMegabytes", "0");
        Set("Candles:Blocks:BarsPerBlock", "100");
    }
}

public sealed class HalvedReadFactory : UncachedReadFactory
{
    public HalvedReadFactory() => Set("Candles:Read:HalvedBars", "10");
}

public sealed class CountedReadFactory : UncachedReadFactory
{
    public CountedReadFactory() => Set("Candles:Read:BufferedBars", "0");
}
