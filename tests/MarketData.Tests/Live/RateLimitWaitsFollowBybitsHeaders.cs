using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

/// <summary>
/// docs/bybit.md, 3.3: before retrying a rate-limited request the client waits for Bybit's reset timestamp when it lies
/// ahead, else for <c>Retry-After</c>, else the exponential back-off, and never longer than <c>MaxDelay</c>. The waits are
/// read from the arrival times the fake records.
/// </summary>
public sealed class RateLimitWaitsFollowBybitsHeaders(RateLimitWaitFactory factory) : IClassFixture<RateLimitWaitFactory>
{
    private const string Kline = FakeBybitServer.KlinePath;

    // An arrival can come late on a loaded machine (two cores shared with the other test classes), never early: the client
    // starts counting the wait after the fake has recorded the request. The reset timestamp is whole milliseconds.
    private static readonly TimeSpan Early = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AnHour = TimeSpan.FromHours(1);

    [Fact]
    public async Task ARetryAfterOfOneSecondIsWaitedOutThenTheRetrySucceeds()
    {
        factory.Bybit.Enqueue(FakeFault.TooManyRequests(retryAfter: OneSecond), Kline, "AFTERONEUSDT");

        using var response = await FetchAsync("AFTERONEUSDT");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertWaits("AFTERONEUSDT", OneSecond);
    }

    [Fact]
    public async Task ARetryAfterOfAnHourIsCutToMaxDelayThenTheRetrySucceeds()
    {
        factory.Bybit.Enqueue(FakeFault.TooManyRequests(retryAfter: AnHour), Kline, "AFTERHOURUSDT");

        using var response = await FetchAsync("AFTERHOURUSDT");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertWaits("AFTERHOURUSDT", RateLimitWaitFactory.MaxDelay);
    }

    [Fact]
    public async Task ARateLimitOutlastingEveryRetryIsA502AfterTheCappedWaits()
    {
        factory.Bybit.SetFault(FakeFault.TooManyRequests(retryAfter: AnHour), Kline, "AFTERALLUSDT");
        try
        {
            using var response = await FetchAsync("AFTERALLUSDT");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("Bybit request failed: Bybit answered HTTP 429 (too many requests).", problem.GetProperty("detail").GetString());
            AssertWaits("AFTERALLUSDT", RateLimitWaitFactory.MaxDelay, RateLimitWaitFactory.MaxDelay);
        }
        finally
        {
            factory.Bybit.ClearFaults();
        }
    }

    [Fact]
    public async Task AResetTimestampAheadGoesBeforeRetryAfter()
    {
        factory.Bybit.Enqueue(FakeFault.TooManyRequests(retryAfter: AnHour, resetAfter: OneSecond), Kline, "RESETFIRSTUSDT");

        using var response = await FetchAsync("RESETFIRSTUSDT");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertWaits("RESETFIRSTUSDT", OneSecond);
    }

    [Fact]
    public async Task AResetTimestampInThePastLeavesTheWaitToRetryAfter()
    {
        factory.Bybit.Enqueue(FakeFault.TooManyRequests(retryAfter: OneSecond, resetAfter: TimeSpan.FromSeconds(-10)), Kline, "RESETPASTUSDT");

        using var response = await FetchAsync("RESETPASTUSDT");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertWaits("RESETPASTUSDT", OneSecond);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(3_600_000)]
    public async Task AResetTimestampOnA10006IsWaitedForUpToMaxDelay(int resetAfterMs)
    {
        var symbol = $"RESET{resetAfterMs}USDT";
        var resetAfter = TimeSpan.FromMilliseconds(resetAfterMs);
        factory.Bybit.Enqueue(FakeFault.RateLimited(resetAfter), Kline, symbol);

        using var response = await FetchAsync(symbol);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertWaits(symbol, resetAfter < RateLimitWaitFactory.MaxDelay ? resetAfter : RateLimitWaitFactory.MaxDelay);
    }

    [Fact]
    public async Task ARateLimitWithoutHeadersTakesTheExponentialBackoff()
    {
        factory.Bybit.Enqueue(FakeFault.TooManyRequests(), Kline, "NOHEADERUSDT");

        using var response = await FetchAsync("NOHEADERUSDT");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = factory.Bybit.RequestsFor("NOHEADERUSDT");
        Assert.Equal(2, requests.Count);
        // The first back-off is about BaseDelay (10 ms) with jitter, nowhere near MaxDelay (2.5 s).
        Assert.InRange(requests[1].ReceivedAt - requests[0].ReceivedAt, TimeSpan.Zero, RateLimitWaitFactory.BaseDelay + Late);
    }

    [Fact]
    public async Task AFailFastReadStillWaitsOutARateLimit()
    {
        const long hour = 3_600_000;
        var start = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / hour - 10) * hour;
        factory.Bybit.Enqueue(FakeFault.TooManyRequests(retryAfter: OneSecond), Kline, "FASTWAITUSDT");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await factory.CreateClient(MarketDataFactory.InternalCaller).GetAsync(
            $"/internal/candles?symbol=FASTWAITUSDT&interval=60&start={start}&end={start + 5 * hour}", timeout.Token);
        var rows = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([start, start + hour, start + 2 * hour, start + 3 * hour, start + 4 * hour], rows.EnumerateArray().Select(row => row.GetProperty("open_time").GetInt64()));
        AssertWaits("FASTWAITUSDT", OneSecond);
    }

    private async Task<HttpResponseMessage> FetchAsync(string symbol)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await factory.CreateClient().GetAsync($"/api/v1/marketdata/bybit/klines/fetch?symbol={symbol}&limit=3", timeout.Token);
    }

    /// <summary>Bybit saw one request more than <paramref name="waits"/>, each after about that wait.</summary>
    private void AssertWaits(string symbol, params TimeSpan[] waits)
    {
        var requests = factory.Bybit.RequestsFor(symbol);
        Assert.Equal(waits.Length + 1, requests.Count);
        for (var retry = 0; retry < waits.Length; retry++)
        {
            Assert.InRange(requests[retry + 1].ReceivedAt - requests[retry].ReceivedAt, waits[retry] - Early, waits[retry] + Late);
        }
    }
}

/// <summary>Waits for Bybit's headers capped at 2.5 s, far from the 10 ms back-off and from the one-second announcements.</summary>
public sealed class RateLimitWaitFactory : MarketDataFactory
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2.5);
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(10);

    protected override void ConfigureBybit(IDictionary<string, string> settings)
    {
        settings["Bybit:Resilience:MaxDelay"] = "00:00:02.500";
        settings["Bybit:Resilience:BaseDelay"] = "00:00:00.010";
    }
}
