using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Testing;

namespace Platform.MarketData.Tests;

public sealed class StoredKlinesAreReadNewestFirst(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const long Hour = 3_600_000;
    private const long Start = 1_700_000_000_000 / Hour * Hour;

    [Fact]
    public async Task StoredCandlesComeBackNewestFirstFilteredByInterval()
    {
        await SeedAsync("BTCUSDT", "60", 5);
        await SeedAsync("BTCUSDT", "240", 2);
        var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/marketdata/bybit/klines?symbol=btcusdt&interval=60&limit=3");
        var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, rows.GetArrayLength());
        Assert.Equal([Start + 4 * Hour, Start + 3 * Hour, Start + 2 * Hour], rows.EnumerateArray().Select(row => row.GetProperty("open_time").GetInt64()));
        Assert.All(rows.EnumerateArray(), row => Assert.Equal("60", row.GetProperty("interval").GetString()));
        Assert.Equal(
            DateTimeOffset.FromUnixTimeMilliseconds(Start + 4 * Hour),
            rows[0].GetProperty("open_time_dt").GetDateTimeOffset());
    }

    [Fact]
    public async Task StartTimeKeepsCandlesOpenedAtOrBeforeIt()
    {
        await SeedAsync("ETHUSDT", "60", 5);
        var client = factory.CreateClient();

        var rows = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/marketdata/bybit/klines?symbol=ETHUSDT&start_time={Start + Hour}")).RootElement;

        Assert.Equal([Start + Hour, Start], rows.EnumerateArray().Select(row => row.GetProperty("open_time").GetInt64()));
    }

    [Theory]
    [InlineData("/api/v1/marketdata/bybit/klines?symbol=BTCUSDT&limit=0")]
    [InlineData("/api/v1/marketdata/bybit/klines?symbol=BTCUSDT&limit=1001")]
    public async Task ALimitOutsideItsRangeIsAValidationProblemNamingIt(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);

        await Problems.AssertValidationAsync(response, "limit", "limit must be between 1 and 1000.");
    }

    [Theory]
    [InlineData("/api/v1/marketdata/bybit/klines", "Required parameter \"string Symbol\" was not provided from query string.")]
    [InlineData("/api/v1/marketdata/bybit/klines?symbol=BTCUSDT&limit=ten", "Failed to bind parameter \"int Limit\" from \"ten\".")]
    public async Task AMissingOrUnreadableParameterIsABadRequestNamingIt(string path, string detail)
    {
        using var response = await factory.CreateClient().GetAsync(path);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FriendlyIntervalFormsFilterAsTheirCode()
    {
        await SeedAsync("SOLUSDT", "240", 2);

        var rows = JsonDocument.Parse(await factory.CreateClient().GetStringAsync(
            "/api/v1/marketdata/bybit/klines?symbol=SOLUSDT&interval=4h")).RootElement;

        Assert.Equal(2, rows.GetArrayLength());
        Assert.All(rows.EnumerateArray(), row => Assert.Equal("240", row.GetProperty("interval").GetString()));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("1y")]
    [InlineData("")]
    public async Task AnUnknownIntervalIsAValidationProblemNamingIt(string interval)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/marketdata/bybit/klines?symbol=BTCUSDT&interval={interval}");

        await Problems.AssertValidationAsync(
            response, "interval", $"unknown interval '{interval}'; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M (or 15m, 4h, 1d, 1w, 1M).");
    }

    private async Task SeedAsync(string symbol, string interval, int count)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        var step = interval == "240" ? 4 * Hour : Hour;
        await connection.ExecuteAsync(
            CandleSql.Series() + """
            INSERT INTO candle_bars (series_id, open_time, open, high, low, close, volume, turnover, source)
            SELECT series.id, @OpenTime, 100, 110, 90, 105, 12.5, 1300, 'test' FROM series
            ON CONFLICT DO NOTHING
            """,
            Enumerable.Range(0, count).Select(index => new { Symbol = symbol, Interval = interval, OpenTime = Start + index * step }));
    }
}
