using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

/// <summary>The factory's ban lasts one second (<c>Bybit:Resilience:BanDuration</c>), so the test also sees it lift.</summary>
public sealed class BybitBanOpensTheCircuit(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task A403IsA503WithRetryAfterSentOnceAndNothingIsSentUntilTheBanEnds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.Enqueue(FakeFault.Forbidden(), FakeBybitServer.KlinePath, "BANUSDT");
        var client = factory.CreateClient();

        using var banned = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=BANUSDT", timeout.Token);
        using var during = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=AFTERUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, banned.StatusCode);
        Assert.NotNull(banned.Headers.RetryAfter?.Delta);
        var problem = await banned.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Contains("403", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(factory.Bybit.RequestsFor("BANUSDT"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
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
    }
}
