using System.IO.Compression;
using System.Text.Json;
using Platform.MarketData.Tests.Uploads;

namespace Platform.MarketData.Tests.Ingesting;

public sealed class EveryLayoutIngestsThroughTheApi(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Theory]
    [InlineData("generic.csv", "60", 3, "generic")]
    [InlineData("binance-spot-headerless-us.csv", "60", 3, "binance_kline")]
    [InlineData("binance-futures-header-ms.csv", "60", 2, "binance_kline")]
    [InlineData("bybit-api-newest-first.csv", "60", 3, "bybit_api")]
    [InlineData("tradingview-seconds.csv", "30", 3, "tradingview")]
    [InlineData("tradingview-iso-offset.csv", "60", 2, "tradingview")]
    [InlineData("pandas-date.csv", "60", 2, "pandas")]
    [InlineData("objects.jsonl", "60", 4, "jsonl")]
    [InlineData("arrays.jsonl", "60", 3, "jsonl_array")]
    public async Task EachSampleLayoutIsStoredAscendingWithHonestCounts(string sample, string interval, int rows, string layout)
    {
        var symbol = Symbol(sample);
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, sample, File.ReadAllBytes(UploadRequests.FilePath(sample)), symbol, interval);

        var report = await UploadRequests.IngestOkAsync(client, id);

        Assert.Equal(layout, report.GetProperty("layout").GetString());
        Assert.Equal(rows, report.GetProperty("inserted").GetInt64());
        Assert.Equal(rows, report.GetProperty("ingested").GetInt64());
        Assert.Equal(0, report.GetProperty("updated").GetInt64());
        Assert.Equal(0, report.GetProperty("rejected").GetInt64());
        Assert.Equal(rows, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, symbol, interval));
        var stored = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/marketdata/bybit/klines?symbol={symbol}&interval={interval}")).RootElement;
        var times = stored.EnumerateArray().Select(row => row.GetProperty("open_time").GetInt64()).Reverse().ToList();
        Assert.Equal(report.GetProperty("earliest_ms").GetInt64(), times[0]);
        Assert.Equal(report.GetProperty("latest_ms").GetInt64(), times[^1]);
        Assert.All(stored.EnumerateArray(), row => Assert.Equal($"upload:{id}", row.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task AGzipUploadIsIngestedLikeItsPlainText()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(UploadRequests.FilePath("generic.csv")));
        }
        var client = factory.CreateClient();
        using var upload = await UploadRequests.UploadAsync(client, "generic.csv.gz", compressed.ToArray(), "GZUSDT", "60");
        var uploaded = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;

        var report = await UploadRequests.IngestOkAsync(client, uploaded.GetProperty("upload_id").GetString()!);

        Assert.True(uploaded.GetProperty("compressed").GetBoolean());
        Assert.Equal(3, report.GetProperty("inserted").GetInt64());
    }

    private static string Symbol(string sample)
    {
        var letters = new string(sample.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return letters[..Math.Min(20, letters.Length)];
    }
}
