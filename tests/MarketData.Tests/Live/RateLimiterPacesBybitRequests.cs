using System.Net;

namespace Platform.MarketData.Tests.Live;

public sealed class RateLimiterPacesBybitRequests(PacedFactory factory) : IClassFixture<PacedFactory>
{
    [Fact]
    public async Task SixtyConcurrentCallsQueueAndNoSecondHoldsMoreThanTheLimit()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var client = factory.CreateClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 60).Select(async _ =>
        {
            using var response = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=PACEUSDT&limit=5", timeout.Token);
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var arrivals = factory.Bybit.RequestsFor("PACEUSDT").Select(request => request.ReceivedAt).Order().ToList();
        Assert.Equal(60, arrivals.Count);
        var busiestSecond = arrivals.Select((start, index) => arrivals.Skip(index).TakeWhile(time => time - start < TimeSpan.FromSeconds(1)).Count()).Max();
        // One request per 50 ms leaves the limiter. The fake stamps arrivals, and on a loaded 2-core machine (other test
        // assemblies run in parallel) requests delayed in transit can land together, so a quarter more is tolerated in any
        // second. The total duration below is the strict check of the average rate.
        Assert.InRange(busiestSecond, 1, PacedFactory.RequestsPerSecond * 5 / 4);
        // 59 refills of one token every 1/20 s after the first request: 2.95 s. The first refill may come sooner than a full
        // period after it and the first arrival may be late, so 0.25 s less is tolerated. There is no upper bound: on a busy
        // machine the limiter's refill timer fires late and the pace only gets slower (4.7 s was seen).
        var period = TimeSpan.FromSeconds(1.0 / PacedFactory.RequestsPerSecond);
        var span = arrivals[^1] - arrivals[0];
        Assert.True(span >= 59 * period - TimeSpan.FromSeconds(0.25), $"60 requests took only {span}");
    }
}

/// <summary>The Bybit client limited to 20 requests per second.</summary>
public sealed class PacedFactory : MarketDataFactory
{
    public const int RequestsPerSecond = 20;

    protected override void ConfigureBybit(IDictionary<string, string> settings) =>
        settings["Bybit:Resilience:RequestsPerSecond"] = RequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
