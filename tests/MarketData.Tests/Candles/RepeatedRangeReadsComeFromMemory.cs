using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Npgsql;
using Platform.MarketData.Tests.Uploads;

namespace Platform.MarketData.Tests.Candles;

/// <summary>
/// A whole, closed range read in binary is kept in memory under its series' version (docs/api-behaviour.md, 4.14): read
/// again, it is answered from memory, which rows deleted behind the store's back show; once the store writes the series,
/// the next read is of what is stored.
/// </summary>
public sealed class RepeatedRangeReadsComeFromMemory(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const string Symbol = "CACHEUSDT";
    private const long Start = 1_717_200_000_000;
    private const long Minute = 60_000;
    private const int Count = 1_500;

    [Fact]
    public async Task ARangeReadAgainIsAnsweredFromMemoryUntilTheStoreWritesItsSeries()
    {
        await IngestAsync(Enumerable.Range(0, Count), close: 101);
        var first = await ReadAsync();

        await using (var connection = new NpgsqlConnection(factory.DatabaseConnectionString))
        {
            await connection.ExecuteAsync(
                "DELETE FROM candle_bars WHERE series_id IN (SELECT id FROM candle_series WHERE symbol = @Symbol) AND open_time >= @From",
                new { Symbol, From = Start + 1_000 * Minute });
        }
        var fromMemory = await ReadAsync();
        await IngestAsync([5], close: 102.5);
        var afterAWrite = await ReadAsync();

        Assert.Equal(Count * 56, first.Length);
        Assert.Equal(first, fromMemory);
        Assert.Equal(1_000 * 56, afterAWrite.Length);
        Assert.Equal(102.5, BinaryPrimitives.ReadDoubleLittleEndian(afterAWrite.AsSpan(5 * 56 + 32)));
        Assert.Equal(101, BinaryPrimitives.ReadDoubleLittleEndian(afterAWrite.AsSpan(6 * 56 + 32)));
    }

    private async Task IngestAsync(IEnumerable<int> minutes, double close)
    {
        var rows = new StringBuilder("open_time,open,high,low,close,volume,turnover\n");
        foreach (var minute in minutes)
        {
            rows.Append(CultureInfo.InvariantCulture, $"{Start + minute * Minute},100,103,99,{close},{minute},\n");
        }
        var client = factory.CreateClient();
        await UploadRequests.IngestOkAsync(client, await UploadRequests.UploadIdAsync(client, "cache.csv", Encoding.UTF8.GetBytes(rows.ToString()), Symbol, "1"));
    }

    private async Task<byte[]> ReadAsync()
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, $"/internal/candles?symbol={Symbol}&interval=1&start={Start}&end={Start + Count * Minute}&backfill=false");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-platform-candles"));
        using var response = await factory.CreateClient(MarketDataFactory.InternalCaller).SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
