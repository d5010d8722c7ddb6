using System.Net;
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

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("Bybit request failed.", problem.GetProperty("title").GetString());
        Assert.Equal("Bybit request failed: Bybit answered HTTP 502.", problem.GetProperty("detail").GetString());
        Assert.Equal("DOWNUSDT", problem.GetProperty("symbol").GetString());
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

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("Bybit request failed: Bybit answered HTTP 200 with a body that is not JSON.", problem.GetProperty("detail").GetString());
        // Not retried (docs/bybit.md, 3.2).
        Assert.Single(factory.Bybit.RequestsFor("HTMLUSDT"));
    }

    [Fact]
    public async Task RateLimitingThatOutlastsTheRetriesIsA502Problem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.SetFault(FakeFault.RateLimited(), FakeBybitServer.KlinePath, "BUSYUSDT");

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=BUSYUSDT", timeout.Token);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("Bybit request failed: retCode 10006: Too many visits!.", problem.GetProperty("detail").GetString());
        Assert.Equal(10006, problem.GetProperty("ret_code").GetInt32());
        Assert.Equal(3, factory.Bybit.RequestsFor("BUSYUSDT").Count);
    }
}
