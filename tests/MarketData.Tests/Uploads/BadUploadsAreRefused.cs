using System.Net;
using System.Text;
using Dapper;
using Npgsql;

namespace Platform.MarketData.Tests.Uploads;

public sealed class BadUploadsAreRefused(SmallUploadsFactory factory) : IClassFixture<SmallUploadsFactory>
{
    private static readonly byte[] ValidCsv = Encoding.UTF8.GetBytes("time,open,high,low,close\n1704067200,1,2,0.5,1.5\n");

    [Fact]
    public async Task AFileOverTheCapIs413AndNothingIsStored()
    {
        var content = Encoding.UTF8.GetBytes("open_time,open,high,low,close\n" + string.Concat(Enumerable.Repeat("1704067200000,1,2,0.5,1.5\n", 200)));

        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), "big.csv", content, "CAPUSDT");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The file is larger than the 4096 bytes an upload may hold.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountUploadsAsync());
    }

    [Theory]
    [InlineData("prices.png")]
    [InlineData("payload.bin")]
    [InlineData("candles.xlsx")]
    public async Task ANameThatIsNotCsvOrJsonlIs415(string fileName)
    {
        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), fileName, ValidCsv, "TYPEUSDT");
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(
            $"'{fileName}' is not an accepted upload: only CSV and JSON Lines candle files (.csv, .jsonl, optionally gzip-compressed) are.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountUploadsAsync());
    }

    [Fact]
    public async Task JsonNamedCsvIs415()
    {
        using var response = await UploadRequests.UploadAsync(
            factory.CreateClient(), "candles.csv", Encoding.UTF8.GetBytes("{\"time\":1704067200,\"open\":1,\"high\":2,\"low\":0.5,\"close\":1.5}\n"), "TYPEUSDT");
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("'candles.csv' is named csv but holds jsonl.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("empty.csv", "the file is empty")]
    [InlineData("junk.csv", "the file is not UTF-8 text; upload CSV or JSON Lines, optionally gzip-compressed")]
    public async Task AnEmptyOrBinaryFileIs422WithTheReason(string sample, string reason)
    {
        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), sample, File.ReadAllBytes(UploadRequests.FilePath(sample)), "JUNKUSDT");
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("The file cannot be read", problem.GetProperty("title").GetString());
        Assert.Equal(reason, problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountUploadsAsync());
    }

    [Theory]
    [InlineData(null, "60", "symbol", "symbol is required.")]
    [InlineData("BTC/USDT", "60", "symbol", "symbol must be 1 to 32 letters or digits.")]
    [InlineData("BTCUSDT", null, "interval", "unknown interval ''; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M (or 15m, 4h, 1d, 1w, 1M).")]
    [InlineData("BTCUSDT", "7m", "interval", "unknown interval '7m'; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M (or 15m, 4h, 1d, 1w, 1M).")]
    public async Task MissingOrInvalidFieldsAreBadRequests(string? symbol, string? interval, string field, string message)
    {
        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), "ok.csv", ValidCsv, symbol, interval);

        await Problems.AssertValidationAsync(response, field, message);
        Assert.Equal(0, await CountUploadsAsync());
    }

    [Fact]
    public async Task AFormWithoutAFileIsABadRequest()
    {
        var form = new MultipartFormDataContent { { new StringContent("BTCUSDT"), "symbol" }, { new StringContent("60"), "interval" } };

        using var response = await factory.CreateClient().PostAsync("/api/v1/marketdata/upload", form);

        await Problems.AssertValidationAsync(response, "file", "a file part named 'file' is required.");
    }

    [Fact]
    public async Task ABodyThatIsNotMultipartIsUnsupported()
    {
        using var response = await factory.CreateClient().PostAsync("/api/v1/marketdata/upload", new StringContent("open_time,open\n"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<long> CountUploadsAsync()
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM uploads");
    }
}

/// <summary>A market data service whose uploads are capped at 4 KiB.</summary>
public sealed class SmallUploadsFactory : MarketDataFactory
{
    public SmallUploadsFactory() => Set("Uploads:MaxBytes", "4096");
}
