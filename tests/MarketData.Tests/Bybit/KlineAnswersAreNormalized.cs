using Microsoft.Extensions.DependencyInjection;
using Platform.Engine.Data;
using Platform.MarketData.Bybit;

namespace Platform.MarketData.Tests.Bybit;

public sealed class KlineAnswersAreNormalized : IClassFixture<MarketDataFactory>
{
    private const long Hour = 3_600_000;
    private static readonly long Base = new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(Base + 5 * Hour + 600_000);

    private readonly MarketDataFactory _factory;

    public KlineAnswersAreNormalized(MarketDataFactory factory)
    {
        _factory = factory;
        _factory.Bybit.Clock = () => Now;
    }

    [Fact]
    public async Task TheCandleStillFormingAtBybitsTimeIsFlaggedOpen()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var bybit = _factory.Services.GetRequiredService<BybitClient>();

        var batch = await bybit.GetKlinesAsync("OPENUSDT", Interval.Parse("60"), null, null, 3, timeout.Token);

        Assert.Equal(Now.ToUnixTimeMilliseconds(), batch.ServerTime);
        Assert.Equal([Base + 3 * Hour, Base + 4 * Hour, Base + 5 * Hour], batch.Candles.Select(candle => candle.OpenTime));
        Assert.Equal([true, true, false], batch.Candles.Select(candle => candle.IsClosed));
    }

    [Fact]
    public async Task CandlesOpeningBeforeAnUnalignedStartAreDropped()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var bybit = _factory.Services.GetRequiredService<BybitClient>();

        var batch = await bybit.GetKlinesAsync("MIDUSDT", Interval.Parse("60"), Base + Hour / 2, Base + 4 * Hour, 1000, timeout.Token);

        // The fake, like Bybit in ccxt #20646, also sends the candle containing start; the client keeps only those at or after it.
        Assert.Equal(Base + Hour / 2, Assert.Single(_factory.Bybit.RequestsFor("MIDUSDT")).Number("start"));
        Assert.Equal([Base + Hour, Base + 2 * Hour, Base + 3 * Hour, Base + 4 * Hour], batch.Candles.Select(candle => candle.OpenTime));
    }

    [Fact]
    public async Task ServerTimeIsTheEnvelopeTime()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var bybit = _factory.Services.GetRequiredService<BybitClient>();

        Assert.Equal(Now, await bybit.GetServerTimeAsync(timeout.Token));
    }

    [Fact]
    public async Task ALimitAboveAThousandIsNeverSent()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var bybit = _factory.Services.GetRequiredService<BybitClient>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => bybit.GetKlinesAsync("BIGUSDT", Interval.Parse("1"), null, null, 1001, timeout.Token));
        Assert.Empty(_factory.Bybit.RequestsFor("BIGUSDT"));
    }
}
