using Microsoft.Extensions.DependencyInjection;
using Platform.MarketData.Bybit;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Bybit;

public sealed class InstrumentsAreReadAcrossCursorPages(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task EveryTradingInstrumentIsReadByFollowingTheCursor()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        FakeInstrument[] trading = [.. Enumerable.Range(0, 2_345).Select(index => FakeInstrument.Usdt($"C{index:D4}", 1_600_000_000_000 + index))];
        factory.Bybit.Instruments = [.. trading, new FakeInstrument("OLDUSDT", "OLD", "USDT", 1_500_000_000_000, "Closed")];
        var bybit = factory.Services.GetRequiredService<BybitClient>();

        var instruments = await bybit.GetInstrumentsAsync(timeout.Token);

        Assert.Equal(trading.Select(item => (item.Symbol, item.BaseCoin, (long?)item.LaunchTime)),
            instruments.Select(item => (item.Symbol, item.BaseCoin, item.LaunchTime)));
        Assert.All(instruments, item => Assert.Equal(("Trading", "USDT", "LinearPerpetual"), (item.Status, item.QuoteCoin, item.ContractType)));
        var requests = factory.Bybit.Requests.Where(request => request.Path == FakeBybitServer.InstrumentsPath).ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, request => Assert.Equal(("linear", "1000"), (request.Query["category"], request.Query["limit"])));
        Assert.Equal([false, true, true], requests.Select(request => request.Query.ContainsKey("cursor")));
    }
}
