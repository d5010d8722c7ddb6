using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

public sealed class UnknownSymbolsAreUnprocessable(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Theory]
    [InlineData("/api/v1/marketdata/bybit/klines/fetch?symbol=nopeusdt", "NOPEUSDT", FakeBybitServer.KlinePath)]
    [InlineData("/api/v1/marketdata/bybit/recent-trades?symbol=GONEUSDT", "GONEUSDT", FakeBybitServer.RecentTradePath)]
    public async Task NotSupportedSymbolsAnswer422NamingTheSymbolWithoutRetrying(string path, string symbol, string bybitPath)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.AddUnknownSymbol(symbol);

        using var response = await factory.CreateClient().GetAsync(path, timeout.Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Contains(symbol, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(factory.Bybit.RequestsFor(symbol, bybitPath));
    }

    [Fact]
    public async Task ASymbolOutsideTheWhitelistIsUnknownToo()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.Enqueue(FakeFault.RetCode(10029, "The requested symbol is invalid."), FakeBybitServer.KlinePath, "WHITEUSDT");

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=WHITEUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Single(factory.Bybit.RequestsFor("WHITEUSDT"));
    }

    [Fact]
    public async Task OtherParameterErrorsAreBadGatewayWithoutRetrying()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.Enqueue(FakeFault.RetCode(10001, "params error: intervalTime is invalid"), FakeBybitServer.KlinePath, "PARAMUSDT");

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=PARAMUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(factory.Bybit.RequestsFor("PARAMUSDT"));
    }
}
