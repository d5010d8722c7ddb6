using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

public sealed class SlowBybitAnswersTimeOut(ShortTimeoutFactory factory) : IClassFixture<ShortTimeoutFactory>
{
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

        using var slow = await client.GetAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=SLOWUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.BadGateway, slow.StatusCode);
        var problem = await slow.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Contains("no answer within", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, factory.Bybit.RequestsFor("SLOWUSDT").Count);
    }
}

/// <summary>Attempts time out after half a second and are retried once.</summary>
public sealed class ShortTimeoutFactory : MarketDataFactory
{
    protected override void ConfigureBybit(IDictionary<string, string> settings)
    {
        settings["Bybit:Resilience:AttemptTimeout"] = "00:00:00.500";
        settings["Bybit:Resilience:MaxRetries"] = "1";
    }
}
