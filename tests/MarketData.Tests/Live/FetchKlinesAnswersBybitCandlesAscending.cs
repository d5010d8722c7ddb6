using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

public sealed class FetchKlinesAnswersBybitCandlesAscending(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const long Hour = 3_600_000;

    [Fact]
    public async Task CandlesComeOldestFirstWithBybitsValues()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var rows = await factory.CreateClient().GetFromJsonAsync<JsonElement>(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=ethusdt&interval=60&limit=5", timeout.Token);

        var openTimes = rows.EnumerateArray().Select(row => row.GetProperty("open_time").GetInt64()).ToList();
        Assert.Equal(5, openTimes.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(index => openTimes[0] + index * Hour), openTimes);
        Assert.All(rows.EnumerateArray(), row =>
        {
            var expected = FakeMarket.Candle("ETHUSDT", row.GetProperty("open_time").GetInt64());
            Assert.Equal(
                [expected.Open, expected.High, expected.Low, expected.Close, expected.Volume, expected.Turnover],
                new[] { "open", "high", "low", "close", "volume", "turnover" }.Select(name => row.GetProperty(name).GetDecimal()));
        });
    }

    [Fact]
    public async Task OnlyTheNewestCandleIsFlaggedOpen()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var rows = await factory.CreateClient().GetFromJsonAsync<JsonElement>(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=SOLUSDT&interval=1&limit=4", timeout.Token);

        Assert.Equal([true, true, true, false], rows.EnumerateArray().Select(row => row.GetProperty("closed").GetBoolean()));
    }

    [Fact]
    public async Task TheRequestSentToBybitCarriesTheNormalizedParameters()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=xrpusdt&interval=4h&limit=3", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(factory.Bybit.RequestsFor("XRPUSDT"));
        Assert.Equal(("linear", "240", "3"), (request.Query["category"], request.Query["interval"], request.Query["limit"]));
        Assert.False(request.Query.ContainsKey("start") || request.Query.ContainsKey("end"));
    }

    [Fact]
    public async Task IntervalAndLimitDefaultToOneMinuteAnd200()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var rows = await factory.CreateClient().GetFromJsonAsync<JsonElement>(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=DOGEUSDT", timeout.Token);

        Assert.Equal(200, rows.GetArrayLength());
        var request = Assert.Single(factory.Bybit.RequestsFor("DOGEUSDT"));
        Assert.Equal(("1", "200"), (request.Query["interval"], request.Query["limit"]));
    }

    [Fact]
    public async Task AnEmptyBybitListIsAnEmptyArray()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.Enqueue(FakeFault.EmptyList(), FakeBybitServer.KlinePath, "NEWLISTUSDT");

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=NEWLISTUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetArrayLength());
    }
}
