using System.Net;

namespace Platform.MarketData.Tests.Live;

public sealed class LiveQueriesAreValidated(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const string UnknownSeven = "unknown interval '7'; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M (or 15m, 4h, 1d, 1w, 1M).";
    private const string UnknownBogus = "unknown interval 'bogus'; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M (or 15m, 4h, 1d, 1w, 1M).";

    [Theory]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch", "symbol", "symbol is required.")]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTC-USDT", "symbol", "symbol must be 1 to 32 letters or digits.")]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&interval=7", "interval", UnknownSeven)]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&interval=bogus", "interval", UnknownBogus)]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&limit=0", "limit", "limit must be between 1 and 1000.")]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&limit=1001", "limit", "limit must be between 1 and 1000.")]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&persist=2", "persist", "persist must be 0 or 1.")]
    [InlineData("/api/v1/marketdata/bybit/recent-trades", "symbol", "symbol is required.")]
    [InlineData("/api/v1/marketdata/bybit/recent-trades?symbol=BTCUSDT&limit=0", "limit", "limit must be between 1 and 1000.")]
    [InlineData("/api/v1/marketdata/bybit/recent-trades?symbol=BTCUSDT&limit=1001", "limit", "limit must be between 1 and 1000.")]
    public async Task InvalidParametersAreValidationProblemsThatNeverReachBybit(string path, string parameter, string message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var sentBefore = factory.Bybit.Requests.Count;

        using var response = await factory.CreateClient().GetAsync(path, timeout.Token);

        await Problems.AssertValidationAsync(response, parameter, message);
        Assert.Equal(sentBefore, factory.Bybit.Requests.Count);
    }

    [Fact]
    public async Task ANonNumericLimitIsABadRequestProblem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=BTCUSDT&limit=ten", timeout.Token);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("Failed to bind parameter \"int Limit\" from \"ten\".", problem.GetProperty("detail").GetString());
    }
}
