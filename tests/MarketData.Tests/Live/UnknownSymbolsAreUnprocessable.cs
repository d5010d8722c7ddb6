using System.Net;
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

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Unknown symbol.", problem.GetProperty("title").GetString());
        Assert.Equal($"Bybit does not list the symbol '{symbol}' (retCode 10001: Not supported symbols).", problem.GetProperty("detail").GetString());
        Assert.Equal(symbol, problem.GetProperty("symbol").GetString());
        Assert.Equal(10001, problem.GetProperty("ret_code").GetInt32());
        Assert.Single(factory.Bybit.RequestsFor(symbol, bybitPath));
    }

    [Fact]
    public async Task ASymbolOutsideTheWhitelistIsUnknownToo()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.Enqueue(FakeFault.RetCode(10029, "The requested symbol is invalid."), FakeBybitServer.KlinePath, "WHITEUSDT");

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=WHITEUSDT", timeout.Token);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Bybit does not list the symbol 'WHITEUSDT' (retCode 10029: The requested symbol is invalid.).", problem.GetProperty("detail").GetString());
        Assert.Equal(10029, problem.GetProperty("ret_code").GetInt32());
        Assert.Single(factory.Bybit.RequestsFor("WHITEUSDT"));
    }

    [Fact]
    public async Task OtherParameterErrorsAreBadGatewayWithoutRetrying()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        factory.Bybit.Enqueue(FakeFault.RetCode(10001, "params error: intervalTime is invalid"), FakeBybitServer.KlinePath, "PARAMUSDT");

        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/klines/fetch?symbol=PARAMUSDT", timeout.Token);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("Bybit request failed: retCode 10001: params error: intervalTime is invalid.", problem.GetProperty("detail").GetString());
        Assert.Equal(10001, problem.GetProperty("ret_code").GetInt32());
        Assert.Single(factory.Bybit.RequestsFor("PARAMUSDT"));
    }
}
