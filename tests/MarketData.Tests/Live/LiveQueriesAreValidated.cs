using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.MarketData.Tests.Live;

public sealed class LiveQueriesAreValidated(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Theory]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch", "symbol")]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTC-USDT", "symbol")]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&interval=7", "interval")]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&interval=bogus", "interval")]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&limit=0", "limit")]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&limit=1001", "limit")]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&persist=2", "persist")]
    [InlineData("/api/v1/marketdata/bybit/recent-trades", "symbol")]
    [InlineData("/api/v1/marketdata/bybit/recent-trades?symbol=BTCUSDT&limit=0", "limit")]
    [InlineData("/api/v1/marketdata/bybit/recent-trades?symbol=BTCUSDT&limit=1001", "limit")]
    public async Task InvalidParametersAreValidationProblemsThatNeverReachBybit(string path, string parameter)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var sentBefore = factory.Bybit.Requests.Count;

        using var response = await factory.CreateClient().GetAsync(path, timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.Equal(sentBefore, factory.Bybit.Requests.Count);
    }

    [Fact]
    public async Task ANonNumericLimitIsABadRequestProblem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&limit=ten", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
