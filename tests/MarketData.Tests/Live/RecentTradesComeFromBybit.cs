using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Live;

public sealed class RecentTradesComeFromBybit : IClassFixture<MarketDataFactory>
{
    private static readonly DateTimeOffset Now = new(2025, 11, 14, 12, 30, 15, 250, TimeSpan.Zero);

    private readonly MarketDataFactory _factory;

    public RecentTradesComeFromBybit(MarketDataFactory factory)
    {
        _factory = factory;
        _factory.Bybit.Clock = () => Now;
    }

    [Fact]
    public async Task TradesComeOldestFirstWithLowerCaseSidesAndBybitsValues()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var rows = await _factory.CreateClient().GetFromJsonAsync<JsonElement>(
            "/api/v1/marketdata/bybit/recent-trades?symbol=btcusdt&limit=40", timeout.Token);

        var expected = FakeMarket.Trades("BTCUSDT", Now.ToUnixTimeMilliseconds(), 40)
            .OrderBy(trade => trade.Time)
            .ThenBy(trade => trade.ExecId, StringComparer.Ordinal)
            .Select(trade => (trade.Time, trade.Price, trade.Size, trade.Side.ToLowerInvariant()));
        Assert.Equal(expected, rows.EnumerateArray().Select(row => (
            row.GetProperty("time").GetInt64(),
            row.GetProperty("price").GetDecimal(),
            row.GetProperty("qty").GetDecimal(),
            row.GetProperty("side").GetString()!)));
        Assert.All(rows.EnumerateArray(), row => Assert.Equal(4, row.EnumerateObject().Count()));
    }

    [Fact]
    public async Task TheDefaultLimitIs250()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var rows = await _factory.CreateClient().GetFromJsonAsync<JsonElement>(
            "/api/v1/marketdata/bybit/recent-trades?symbol=ETHUSDT", timeout.Token);

        Assert.Equal(250, rows.GetArrayLength());
        var request = Assert.Single(_factory.Bybit.RequestsFor("ETHUSDT", FakeBybitServer.RecentTradePath));
        Assert.Equal(("linear", "250"), (request.Query["category"], request.Query["limit"]));
    }

    [Fact]
    public async Task AFailingBybitIsA502ProblemNotAnEmptyList()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _factory.Bybit.SetFault(FakeFault.ServerError(500), FakeBybitServer.RecentTradePath, "TRADEDOWNUSDT");

        using var response = await _factory.CreateClient().GetAsync(
            "/api/v1/marketdata/bybit/recent-trades?symbol=TRADEDOWNUSDT", timeout.Token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.StartsWith("Bybit request failed: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
