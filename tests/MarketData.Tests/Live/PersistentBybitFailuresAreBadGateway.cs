using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

public sealed class PersistentBybitFailuresAreBadGateway(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task AServerErrorThatOutlastsTheRetriesIsA502Problem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.SetFault(FakeFault.ServerError(502), FakeBybitServer.KlinePath, "DOWNUSDT");

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=DOWNUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.StartsWith("Bybit request failed: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // MaxRetries is 2: three attempts. The standard handler of ServiceDefaults stacked on top would make it twelve.
        Assert.Equal(3, factory.Bybit.RequestsFor("DOWNUSDT").Count);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsA502Problem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.Enqueue(FakeFault.NotJson(), FakeBybitServer.KlinePath, "HTMLUSDT");

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=HTMLUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Contains("not JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimitingThatOutlastsTheRetriesIsA502Problem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.SetFault(FakeFault.RateLimited(), FakeBybitServer.KlinePath, "BUSYUSDT");

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=BUSYUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(3, factory.Bybit.RequestsFor("BUSYUSDT").Count);
    }
}
