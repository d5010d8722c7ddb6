using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Engine.Data;
using Platform.MarketData.Candles;
using Platform.MarketData.WorkingSets;
using Platform.Testing;

namespace Platform.MarketData.Tests.WorkingSets;

public sealed class ResetWithoutReloadClearsWorkingSets(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const long Start = 1_704_067_200_000;

    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task ClearedIntervalsReportTheClearedStateAndNoCandles()
    {
        await SeedWorkingSetAsync("CLEARAUSDT", "15");
        await SeedWorkingSetAsync("CLEARAUSDT", "60");

        var body = await ResetAsync([new("symbol", "clearausdt"), new("intervals", "15m,1h"), new("reload", "0")]);

        Assert.Equal("CLEARAUSDT", body.GetProperty("symbol").GetString());
        Assert.Equal(["15", "60"], body.GetProperty("intervals").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal("""{"15":0,"60":0}""", body.GetProperty("ram_working_set").GetRawText());
        Assert.Equal(
            """{"state":"cleared","candles":0,"purged_candles":null,"error":null}""",
            body.GetProperty("states").GetProperty("15").GetRawText());
        var store = factory.Services.GetRequiredService<WorkingSetStore>();
        Assert.Empty(await store.GetAsync("CLEARAUSDT", Interval.Parse("15"), _timeout));
        Assert.Empty(await store.GetAsync("CLEARAUSDT", Interval.Parse("60"), _timeout));
    }

    [Fact]
    public async Task WithoutPurgeStoredCandlesStay()
    {
        await SeedStoredCandlesAsync("KEEPUSDT", "15", 3);

        await ResetAsync([new("symbol", "KEEPUSDT"), new("intervals", "15"), new("reload", "0")]);

        Assert.Equal(3, await CountStoredAsync("KEEPUSDT", "15"));
    }

    [Fact]
    public async Task PurgeDeletesTheStoredCandlesOfTheResetIntervalsOnly()
    {
        await SeedStoredCandlesAsync("PURGEUSDT", "15", 4);
        await SeedStoredCandlesAsync("PURGEUSDT", "240", 2);

        var body = await ResetAsync([new("symbol", "PURGEUSDT"), new("intervals", "15,60"), new("reload", "0"), new("purge", "1")]);

        Assert.Equal(4, body.GetProperty("states").GetProperty("15").GetProperty("purged_candles").GetInt64());
        Assert.Equal(0, body.GetProperty("states").GetProperty("60").GetProperty("purged_candles").GetInt64());
        Assert.Equal(0, await CountStoredAsync("PURGEUSDT", "15"));
        Assert.Equal(2, await CountStoredAsync("PURGEUSDT", "240"));
    }

    [Fact]
    public async Task AnEmptyIntervalsFieldMeansTheDefaultIntervals()
    {
        var body = await ResetAsync([new("symbol", "DEFAULTUSDT"), new("intervals", ""), new("reload", "0")]);

        Assert.Equal(["1", "5", "15", "60"], body.GetProperty("intervals").EnumerateArray().Select(item => item.GetString()));
    }

    [Fact]
    public async Task MultipartFormsAreAcceptedToo()
    {
        using var content = new MultipartFormDataContent { { new StringContent("MULTIUSDT"), "symbol" }, { new StringContent("0"), "reload" } };

        using var response = await factory.CreateClient().PostAsync("/api/v1/marketdata/bybit/reset", content, _timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> ResetAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await factory.CreateClient().PostAsync("/api/v1/marketdata/bybit/reset", content, _timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(_timeout)).RootElement;
    }

    private Task SeedWorkingSetAsync(string symbol, string interval) =>
        factory.Services.GetRequiredService<WorkingSetStore>().ReplaceAsync(
            symbol, Interval.Parse(interval), [new Candle(Start, 1, 2, 0.5, 1.5, 10, null)], _timeout);

    private async Task SeedStoredCandlesAsync(string symbol, string interval, int count)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        await connection.ExecuteAsync(new CommandDefinition(
            CandleSql.Series() + """
            INSERT INTO candle_bars (series_id, open_time, open, high, low, close, volume, turnover, source)
            SELECT series.id, @OpenTime, 1, 2, 0.5, 1.5, 10, NULL, 'test' FROM series
            """,
            Enumerable.Range(0, count).Select(index => new { Symbol = symbol, Interval = interval, OpenTime = Start + index * 900_000L }),
            cancellationToken: _timeout));
    }

    private async Task<long> CountStoredAsync(string symbol, string interval)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM candles WHERE symbol = @Symbol AND interval = @Interval",
            new { Symbol = symbol, Interval = interval },
            cancellationToken: _timeout));
    }
}
