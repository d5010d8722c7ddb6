using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

/// <summary>The factory's ban lasts one second (<c>Bybit:Resilience:BanDuration</c>), so the test also sees it lift.</summary>
public sealed class BybitBanOpensTheCircuit(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private static readonly TimeSpan BanDuration = TimeSpan.FromSeconds(1);

    // An arrival can come late on a loaded machine, never before the ban has run out.
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A403IsA503WithRetryAfterSentOnceAndNothingIsSentUntilTheBanEnds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.Enqueue(FakeFault.Forbidden(), FakeBybitServer.KlinePath, "BANUSDT");
        var client = factory.CreateClient();

        using var banned = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=BANUSDT", timeout.Token);
        using var during = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=AFTERUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, banned.StatusCode);
        Assert.Equal(BanDuration, banned.Headers.RetryAfter?.Delta);
        var problem = await banned.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal("Bybit is unavailable.", problem.GetProperty("title").GetString());
        Assert.Equal(
            "Bybit is unavailable: Bybit refused access with HTTP 403 (IP rate-limit ban or blocked region).",
            problem.GetProperty("detail").GetString());
        Assert.Equal("BANUSDT", problem.GetProperty("symbol").GetString());
        var ban = Assert.Single(factory.Bybit.RequestsFor("BANUSDT"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(BanDuration, during.Headers.RetryAfter?.Delta);
        Assert.Empty(factory.Bybit.RequestsFor("AFTERUSDT"));

        await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=AFTERUSDT", timeout.Token);
                return response.StatusCode;
            },
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10),
            "the ban to end");
        var first = factory.Bybit.RequestsFor("AFTERUSDT")[0];
        Assert.InRange(first.ReceivedAt - ban.ReceivedAt, BanDuration, BanDuration + Late);
    }
}
