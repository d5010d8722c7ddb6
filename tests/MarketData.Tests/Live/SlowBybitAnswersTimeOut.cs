using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

public sealed class SlowBybitAnswersTimeOut(ShortTimeoutFactory factory) : IClassFixture<ShortTimeoutFactory>
{
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task EveryAttemptTimingOutIsA502Problem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var client = factory.CreateClient();
        // The first call of a fresh process may spend its short attempt timeout on warming up.
        await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=WARMUSDT&limit=1", timeout.Token);
                return response.StatusCode;
            },
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15),
            "a first answer");
        factory.Bybit.SetFault(FakeFault.Delay(TimeSpan.FromSeconds(20)), FakeBybitServer.KlinePath, "SLOWUSDT");

        var watch = Stopwatch.StartNew();
        using var slow = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=SLOWUSDT", timeout.Token);
        watch.Stop();

        Assert.Equal(HttpStatusCode.BadGateway, slow.StatusCode);
        var problem = await slow.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal("Bybit request failed: no answer within 0:00:00.5.", problem.GetProperty("detail").GetString());
        var requests = factory.Bybit.RequestsFor("SLOWUSDT");
        Assert.Equal(2, requests.Count);
        // Each attempt gives up after AttemptTimeout, then the 10 ms back-off, within the suite's bounds for a loaded machine.
        TimeoutBounds.AssertEndedAt(ShortTimeoutFactory.AttemptTimeout + Backoff, requests[1].ReceivedAt - requests[0].ReceivedAt);
        TimeoutBounds.AssertEndedAt(2 * ShortTimeoutFactory.AttemptTimeout + Backoff, watch.Elapsed);
    }
}

/// <summary>Attempts time out after half a second and are retried once.</summary>
public sealed class ShortTimeoutFactory : MarketDataFactory
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(500);

    protected override void ConfigureBybit(IDictionary<string, string> settings)
    {
        settings["Bybit:Resilience:AttemptTimeout"] = "00:00:00.500";
        settings["Bybit:Resilience:MaxRetries"] = "1";
    }
}
