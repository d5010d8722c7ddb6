using System.Net;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

public sealed class TransientBybitFailuresAreRetried(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task RateLimitWithAResetTimestampWaitsUntilTheResetThenSucceeds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reset = TimeSpan.FromMilliseconds(300);
        factory.Bybit.Enqueue(FakeFault.RateLimited(reset), FakeBybitServer.KlinePath, "RESETUSDT");

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=RESETUSDT&limit=3", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = factory.Bybit.RequestsFor("RESETUSDT");
        Assert.Equal(2, requests.Count);
        // The back-off alone is about 10 ms here; waiting out the header takes the announced 300 ms (less clock jitter).
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= reset - TimeSpan.FromMilliseconds(50),
            $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

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
        var symbol = $"T{failure.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant()}USDT";
        factory.Bybit.Enqueue(Fault(failure), FakeBybitServer.KlinePath, symbol);

        using var response = await factory.CreateClient().GetAsync(
            $"/api/v1/marketdata/bybit/klines/fetch?symbol={symbol}&limit=3", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, factory.Bybit.RequestsFor(symbol).Count);
    }

    [Fact]
    public async Task RetriesAndRateLimitHitsAreCounted()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.Enqueue(FakeFault.RateLimited(), FakeBybitServer.KlinePath, "COUNTUSDT");
        var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=COUNTUSDT&limit=3", timeout.Token);
        var metrics = await client.GetStringAsync("/metrics", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("marketdata_bybit_requests_total\\{[^}]*outcome=\"retcode_10006\"", metrics);
        Assert.Matches("marketdata_bybit_retries_total\\{[^}]*reason=\"retcode_10006\"", metrics);
        Assert.Matches("marketdata_bybit_rate_limit_hits_total\\{[^}]*answer=\"retcode_10006\"", metrics);
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
