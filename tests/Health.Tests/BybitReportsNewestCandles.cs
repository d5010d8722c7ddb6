using Platform.Testing;
using System.Text.Json;
using Platform.Testing.FakeBybit;

namespace Platform.Health.Tests;

public sealed class BybitReportsNewestCandles(HealthFactory factory, PlatformStubs stubs)
    : IClassFixture<HealthFactory>, IClassFixture<PlatformStubs>
{
    [Fact]
    public async Task NewestCandleAndSuccessRateWithOneSymbolFailing()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        bybit.SetFault(FakeFault.ServerError(), FakeBybitServer.KlinePath, "SOLUSDT");
        await using var health = stubs.HealthService(factory, ("Bybit:BaseUrl", bybit.BaseAddress.ToString()));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var body = JsonDocument.Parse(await health.CreateClient(Caller.Admin).GetStringAsync("/api/v1/health/bybit", cancellation.Token)).RootElement;

        Assert.Equal(66.67, body.GetProperty("success_rate").GetDouble());
        Assert.Equal(2, body.GetProperty("successful").GetInt32());
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        var results = body.GetProperty("results");
        Assert.Equal("error", results.GetProperty("SOLUSDT").GetProperty("status").GetString());
        var btc = results.GetProperty("BTCUSDT");
        Assert.Equal("ok", btc.GetProperty("status").GetString());
        var newest = btc.GetProperty("latest_time").GetDateTimeOffset();
        Assert.True(DateTimeOffset.UtcNow - newest < TimeSpan.FromMinutes(2), $"{newest} is not the newest candle");
        Assert.Equal(FakeMarket.Candle("BTCUSDT", newest.ToUnixTimeMilliseconds()).Close, btc.GetProperty("latest_price").GetDecimal());
    }
}
