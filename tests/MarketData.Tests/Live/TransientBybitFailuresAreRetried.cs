using System.Net;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

public sealed class TransientBybitFailuresAreRetried(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const string Kline = FakeBybitServer.KlinePath;

    [Theory]
    [InlineData("retcode_10006")]
    [InlineData("retcode_10018")]
    [InlineData("retcode_10000")]
    [InlineData("retcode_10016")]
    [InlineData("http_429")]
    [InlineData("http_503")]
    [InlineData("http_502")]
    public async Task OneTransientFailureIsRetriedOnceThenSucceeds(string failure)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var retries = new HostCounter(factory.Services, "marketdata.bybit.retries");
        var symbol = $"T{failure.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant()}USDT";
        factory.Bybit.Enqueue(Fault(failure), Kline, symbol);

        using var response = await factory.CreateClient().GetAsync(
            $"/api/v1/marketdata/bybit/klines/fetch?symbol={symbol}&limit=3", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, factory.Bybit.RequestsFor(symbol).Count);
        Assert.Equal(new Dictionary<string, long> { [failure] = 1 }, retries.By("reason"));
    }

    [Fact]
    public async Task RetriesAndRateLimitHitsAreCountedOnTheHostsOwnMeter()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var requests = new HostCounter(factory.Services, "marketdata.bybit.requests");
        using var retries = new HostCounter(factory.Services, "marketdata.bybit.retries");
        using var rateLimitHits = new HostCounter(factory.Services, "marketdata.bybit.rate_limit_hits");
        factory.Bybit.Enqueue(FakeFault.RateLimited(), Kline, "COUNTUSDT");
        factory.Bybit.Enqueue(FakeFault.TooManyRequests(), Kline, "COUNTUSDT");

        using var response = await factory.CreateClient().GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=COUNTUSDT&limit=3", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, factory.Bybit.RequestsFor("COUNTUSDT").Count);
        Assert.Equal(new Dictionary<string, long> { ["retcode_10006"] = 1, ["http_429"] = 1, ["ok"] = 1 }, requests.By("outcome"));
        Assert.Equal(new Dictionary<string, long> { [Kline] = 3 }, requests.By("endpoint"));
        Assert.Equal(new Dictionary<string, long> { ["retcode_10006"] = 1, ["http_429"] = 1 }, retries.By("reason"));
        Assert.Equal(new Dictionary<string, long> { ["retcode_10006"] = 1, ["http_429"] = 1 }, rateLimitHits.By("answer"));
    }

    private static FakeFault Fault(string failure) => failure switch
    {
        "retcode_10006" => FakeFault.RateLimited(),
        "retcode_10018" => FakeFault.RetCode(10018, "Exceeded the IP Rate Limit."),
        "retcode_10000" => FakeFault.RetCode(10000, "Server Timeout"),
        "retcode_10016" => FakeFault.RetCode(10016, "System error. Please try again later."),
        "http_429" => FakeFault.TooManyRequests(),
        "http_503" => FakeFault.ServerError(503),
        "http_502" => FakeFault.ServerError(502),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}
