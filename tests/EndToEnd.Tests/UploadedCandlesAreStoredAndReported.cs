using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Kiota.Abstractions;
using Platform.Client.MarketData.Models;

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
        var marketData = platform.Api.MarketData.Api.V1.Marketdata;
        var file = Encoding.UTF8.GetBytes(Csv());
        var form = new MultipartBody();
        form.AddOrReplacePart("symbol", "text/plain", Symbol);
        form.AddOrReplacePart("interval", "text/plain", "60");
        form.AddOrReplacePart("file", "text/csv", new MemoryStream(file), "xrpusdt-1h.csv");

        var upload = await marketData.Upload.PostAsync(form);
        var ingest = await marketData.Uploads[upload!.UploadId!].Ingest.PostAsync(new IngestForm { Strict = "1" });
        var quality = await marketData.Quality.GetAsync(request =>
        {
            request.QueryParameters.Symbol = Symbol;
            request.QueryParameters.Interval = "60";
            request.QueryParameters.Start = Start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            request.QueryParameters.End = Start.AddHours(Hours).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        });
        var newest = await marketData.Bybit.Klines.GetAsync(request =>
        {
            request.QueryParameters.Symbol = Symbol;
            request.QueryParameters.Interval = "60";
            request.QueryParameters.Limit = 1;
        });
        var firstPage = await CandlePageAsync(cursor: null);
        var lastPage = await CandlePageAsync(firstPage.NextCursor);

        Assert.False(upload.Duplicate);
        Assert.Equal(file.Length, upload.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), upload.Sha256);
        Assert.Equal("csv", upload.Format);
        Assert.True(ingest!.Strict);
        Assert.Equal(Hours, ingest.Inserted);
        Assert.Equal(0, ingest.Rejected);
        Assert.Equal(Hours, quality!.Expected);
        Assert.Equal(Hours, quality.Stored);
        Assert.Equal(0, quality.Missing);
        var last = Assert.Single(newest!);
        Assert.Equal(Start.AddHours(Hours - 1).ToUnixTimeMilliseconds(), last.OpenTime);
        Assert.Equal((double)Close(Hours - 1), last.Close);
        Assert.Equal(100 + Hours - 1, last.Volume);
        Assert.Equal($"upload:{upload.UploadId}", last.Source);
        Assert.Equal(
            Enumerable.Range(0, Hours).Select(hour => (Start.AddHours(hour).ToUnixTimeMilliseconds(), (double)Close(hour))),
            firstPage.Items!.Concat(lastPage.Items!).Select(candle => (candle.OpenTime!.Value, candle.Close!.Value)));
        Assert.Null(lastPage.NextCursor);
    }

    private async Task<CandlePageAnswer> CandlePageAsync(string? cursor) =>
        (await platform.Api.MarketData.Api.V1.Marketdata.Candles.GetAsync(request =>
        {
            request.QueryParameters.Symbol = Symbol;
            request.QueryParameters.Interval = "60";
            request.QueryParameters.Limit = "30";
            request.QueryParameters.Cursor = cursor;
        }))!;

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
