using System.Net;
using System.Text;
using System.Text.Json;
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

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountUploadsAsync());
    }

    [Theory]
    [InlineData("prices.png")]
    [InlineData("payload.bin")]
    [InlineData("candles.xlsx")]
    public async Task ANameThatIsNotCsvOrJsonlIs415(string fileName)
    {
        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), fileName, ValidCsv, "TYPEUSDT");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await CountUploadsAsync());
    }

    [Fact]
    public async Task JsonNamedCsvIs415()
    {
        using var response = await UploadRequests.UploadAsync(
            factory.CreateClient(), "candles.csv", Encoding.UTF8.GetBytes("{\"time\":1704067200,\"open\":1,\"high\":2,\"low\":0.5,\"close\":1.5}\n"), "TYPEUSDT");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("empty.csv")]
    [InlineData("junk.csv")]
    public async Task AnEmptyOrBinaryFileIs422WithTheReason(string sample)
    {
        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), sample, File.ReadAllBytes(UploadRequests.FilePath(sample)), "JUNKUSDT");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(0, await CountUploadsAsync());
    }

    [Theory]
    [InlineData(null, "60", "symbol")]
    [InlineData("BTC/USDT", "60", "symbol")]
    [InlineData("BTCUSDT", null, "interval")]
    [InlineData("BTCUSDT", "7m", "interval")]
    public async Task MissingOrInvalidFieldsAreBadRequests(string? symbol, string? interval, string field)
    {
        using var response = await UploadRequests.UploadAsync(factory.CreateClient(), "ok.csv", ValidCsv, symbol, interval);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task AFormWithoutAFileIsABadRequest()
    {
        var form = new MultipartFormDataContent { { new StringContent("BTCUSDT"), "symbol" }, { new StringContent("60"), "interval" } };

        using var response = await factory.CreateClient().PostAsync("/api/v1/marketdata/upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
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
