using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.MarketData.Tests.Uploads;

namespace Platform.MarketData.Tests.Candles;

public sealed class CandlesAreStreamedInEveryFormat(MarketDataFactory factory) : IClassFixture<MarketDataFactory>, IAsyncLifetime
{
    private const long Start = 1_704_067_200_000;
    private const long Minute = 60_000;
    private const int Count = 3_000;

    public async Task InitializeAsync()
    {
        if (await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "STREAMUSDT") == Count)
        {
            return;
        }
        var rows = new StringBuilder("open_time,open,high,low,close,volume,turnover\n");
        for (var minute = 0; minute < Count; minute++)
        {
            var open = 100 + minute * 0.25;
            rows.Append(CultureInfo.InvariantCulture, $"{Start + minute * Minute},{open},{open + 2},{open - 1},{open + 0.5},{minute},{(minute % 2 == 0 ? "12.5" : "")}\n");
        }
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, "stream.csv", Encoding.UTF8.GetBytes(rows.ToString()), "STREAMUSDT", "1");
        await UploadRequests.IngestOkAsync(client, id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task JsonIsAscendingWithinTheHalfOpenRange()
    {
        var rows = JsonDocument.Parse(await ReadAsync("application/json", Start + 10 * Minute, Start + 2_010 * Minute)).RootElement;

        Assert.Equal(2_000, rows.GetArrayLength());
        Assert.Equal(Start + 10 * Minute, rows[0].GetProperty("open_time").GetInt64());
        Assert.Equal(Start + 2_009 * Minute, rows[1_999].GetProperty("open_time").GetInt64());
        Assert.Equal(100 + 10 * 0.25, rows[0].GetProperty("open").GetDouble());
        Assert.Equal(12.5, rows[0].GetProperty("turnover").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("turnover").ValueKind);
    }

    [Fact]
    public async Task CsvHasAHeaderAndOneLinePerCandle()
    {
        var lines = Encoding.UTF8.GetString(await ReadAsync("text/csv", Start, Start + 3 * Minute)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            [
                "open_time,open,high,low,close,volume,turnover",
                $"{Start},100,102,99,100.5,0,12.5",
                $"{Start + Minute},100.25,102.25,99.25,100.75,1,",
                $"{Start + 2 * Minute},100.5,102.5,99.5,101,2,12.5",
            ],
            lines);
    }

    [Fact]
    public async Task BinaryRowsAreFixedSizeLittleEndian()
    {
        var bytes = await ReadAsync("application/x-platform-candles", Start, Start + Count * Minute);

        Assert.Equal(Count * 56, bytes.Length);
        var last = bytes.AsSpan((Count - 1) * 56, 56);
        Assert.Equal(Start + (Count - 1) * Minute, BinaryPrimitives.ReadInt64LittleEndian(last));
        Assert.Equal(100 + (Count - 1) * 0.25, BinaryPrimitives.ReadDoubleLittleEndian(last[8..]));
        Assert.Equal(Count - 1, BinaryPrimitives.ReadDoubleLittleEndian(last[40..]));
        Assert.True(double.IsNaN(BinaryPrimitives.ReadDoubleLittleEndian(last[48..])));
    }

    /// <summary>Binary rows are converted from PostgreSQL's binary COPY in chunks that split rows: every value of every row must survive.</summary>
    [Fact]
    public async Task BinaryRowsCarryEveryValueOfEveryRow()
    {
        var json = JsonDocument.Parse(await ReadAsync("application/json", Start, Start + Count * Minute)).RootElement;
        var bytes = await ReadAsync("application/x-platform-candles", Start, Start + Count * Minute);

        Assert.Equal(Count * 56, bytes.Length);
        string[] names = ["open", "high", "low", "close", "volume", "turnover"];
        for (var row = 0; row < Count; row++)
        {
            var binary = bytes.AsSpan(row * 56, 56);
            Assert.Equal(json[row].GetProperty("open_time").GetInt64(), BinaryPrimitives.ReadInt64LittleEndian(binary));
            for (var field = 0; field < names.Length; field++)
            {
                var expected = json[row].GetProperty(names[field]) is { ValueKind: JsonValueKind.Number } number ? number.GetDouble() : double.NaN;
                Assert.Equal(expected, BinaryPrimitives.ReadDoubleLittleEndian(binary[(8 + field * 8)..]));
            }
        }
    }

    [Fact]
    public async Task BinaryAnswersAnnounceTheirLengthFromTheRowCount()
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, $"/internal/candles?symbol=STREAMUSDT&interval=1&start={Start + 10 * Minute}&end={Start + 2_010 * Minute}&backfill=false");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-platform-candles"));

        using var response = await factory.CreateClient(MarketDataFactory.InternalCaller).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var announced = response.Content.Headers.ContentLength;
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(2_000 * 56, announced);
        Assert.Equal(2_000 * 56, body.Length);
    }

    [Fact]
    public async Task TheRangeMayBeGivenInIso8601()
    {
        var rows = JsonDocument.Parse(await factory.CreateClient(MarketDataFactory.InternalCaller).GetStringAsync(
            "/internal/candles?symbol=streamusdt&interval=1m&start=2024-01-01T00:00:00Z&end=2024-01-01T01:00:00%2B00:00&backfill=false")).RootElement;

        Assert.Equal(60, rows.GetArrayLength());
    }

    [Theory]
    [InlineData("interval=1&start=0", "symbol", "symbol is required.")]
    [InlineData("symbol=STREAMUSDT&interval=2&start=0", "interval", "unknown interval '2'; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M (or 15m, 4h, 1d, 1w, 1M).")]
    [InlineData("symbol=STREAMUSDT&interval=1", "start", "start is required: epoch milliseconds or ISO-8601, from 1970-01-01 to 9999-12-31 UTC.")]
    [InlineData("symbol=STREAMUSDT&interval=1&start=yesterday", "start", "start is required: epoch milliseconds or ISO-8601, from 1970-01-01 to 9999-12-31 UTC.")]
    [InlineData("symbol=STREAMUSDT&interval=1&start=0&end=tomorrow", "end", "end must be epoch milliseconds or ISO-8601, from 1970-01-01 to 9999-12-31 UTC.")]
    [InlineData("symbol=STREAMUSDT&interval=1&start=1704067200000&end=1704067200000", "end", "end must be after start.")]
    public async Task InvalidRangesAreBadRequests(string query, string field, string message)
    {
        using var response = await factory.CreateClient(MarketDataFactory.InternalCaller).GetAsync($"/internal/candles?{query}&backfill=false");

        await Problems.AssertValidationAsync(response, field, message);
    }

    [Fact]
    public async Task TheQualityReportCountsStoredExpectedAndGaps()
    {
        var report = JsonDocument.Parse(await factory.CreateClient().GetStringAsync(
            $"/api/v1/marketdata/quality?symbol=STREAMUSDT&interval=1&start={Start - 5 * Minute}&end={Start + (Count + 5) * Minute}")).RootElement;

        Assert.Equal(Count, report.GetProperty("stored").GetInt64());
        Assert.Equal(Count + 10, report.GetProperty("expected").GetInt64());
        Assert.Equal(10, report.GetProperty("missing").GetInt64());
        Assert.Equal(2, report.GetProperty("gaps").GetArrayLength());
        Assert.Equal(Start - 5 * Minute, report.GetProperty("gaps")[0].GetProperty("start").GetInt64());
        Assert.Equal(1, report.GetProperty("ingests").GetInt64());
    }

    private async Task<byte[]> ReadAsync(string accept, long start, long end)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/candles?symbol=STREAMUSDT&interval=1&start={start}&end={end}&backfill=false");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await factory.CreateClient(MarketDataFactory.InternalCaller).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
