using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class UploadedCandlesAreStoredAndReported(PlatformFixture platform)
{
    private const string Symbol = "XRPUSDT";
    private const int Hours = 48;
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ACsvFileIsUploadedIngestedAndCoversItsRangeWithoutGaps()
    {
        var gateway = platform.Gateway;
        var file = Encoding.UTF8.GetBytes(Csv());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Symbol), "symbol" },
            { new StringContent("60"), "interval" },
            { new ByteArrayContent(file), "file", "xrpusdt-1h.csv" },
        };

        using var uploaded = await gateway.PostAsync("/api/v1/marketdata/upload", form);
        var upload = await GatewayCalls.ReadAsync(uploaded, HttpStatusCode.OK);
        var uploadId = upload.GetProperty("upload_id").GetString();
        var ingest = await gateway.PostFormAsync(
            $"/api/v1/marketdata/uploads/{uploadId}/ingest", new Dictionary<string, string> { ["strict"] = "1" }, HttpStatusCode.OK);
        var range = $"start={Start.ToUnixTimeMilliseconds()}&end={Start.AddHours(Hours).ToUnixTimeMilliseconds()}";
        var quality = await gateway.GetJsonAsync($"/api/v1/marketdata/quality?symbol={Symbol}&interval=60&{range}");
        var newest = await gateway.GetJsonAsync($"/api/v1/marketdata/bybit/klines?symbol={Symbol}&interval=60&limit=1");
        var firstPage = await gateway.GetJsonAsync($"/api/v1/marketdata/candles?symbol={Symbol}&interval=60&limit=30");
        var lastPage = await gateway.GetJsonAsync(
            $"/api/v1/marketdata/candles?symbol={Symbol}&interval=60&limit=30&cursor={firstPage.GetProperty("next_cursor").GetString()}");

        Assert.False(upload.GetProperty("duplicate").GetBoolean());
        Assert.Equal(file.Length, upload.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), upload.GetProperty("sha256").GetString());
        Assert.Equal("csv", upload.GetProperty("format").GetString());
        Assert.Equal(Hours, ingest.GetProperty("inserted").GetInt64());
        Assert.Equal(0, ingest.GetProperty("rejected").GetInt64());
        Assert.Equal(Hours, quality.GetProperty("expected").GetInt64());
        Assert.Equal(Hours, quality.GetProperty("stored").GetInt64());
        Assert.Equal(0, quality.GetProperty("missing").GetInt64());
        var last = Assert.Single(newest.EnumerateArray());
        Assert.Equal(Start.AddHours(Hours - 1).ToUnixTimeMilliseconds(), last.GetProperty("open_time").GetInt64());
        Assert.Equal((double)Close(Hours - 1), last.GetProperty("close").GetDouble());
        Assert.Equal(100 + Hours - 1, last.GetProperty("volume").GetDouble());
        Assert.Equal($"upload:{uploadId}", last.GetProperty("source").GetString());
        var paged = firstPage.GetProperty("items").EnumerateArray().Concat(lastPage.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(
            Enumerable.Range(0, Hours).Select(hour => (Start.AddHours(hour).ToUnixTimeMilliseconds(), (double)Close(hour))),
            paged.Select(candle => (candle.GetProperty("open_time").GetInt64(), candle.GetProperty("close").GetDouble())));
        Assert.Equal(JsonValueKind.Null, lastPage.GetProperty("next_cursor").ValueKind);
    }

    private static string Csv()
    {
        var csv = new StringBuilder("open_time,open,high,low,close,volume\n");
        for (var hour = 0; hour < Hours; hour++)
        {
            var open = Close(hour - 1);
            var close = Close(hour);
            csv.Append(CultureInfo.InvariantCulture, $"{Start.AddHours(hour).ToUnixTimeMilliseconds()},{open},{Math.Max(open, close) + 0.01m},{Math.Min(open, close) - 0.01m},{close},{100 + hour}\n");
        }
        return csv.ToString();
    }

    private static decimal Close(int hour) => 0.5m + (hour % 7) * 0.0125m;
}
