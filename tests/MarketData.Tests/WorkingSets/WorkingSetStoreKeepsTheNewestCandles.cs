using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Engine.Data;
using Platform.MarketData.Candles;
using Platform.MarketData.WorkingSets;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.MarketData.Tests.WorkingSets;

public sealed class WorkingSetStoreKeepsTheNewestCandles(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const long Hour = 3_600_000;
    private const long Start = 1_704_067_200_000;

    private static readonly Interval H1 = Interval.Parse("60");

    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task ReplaceSortsDeduplicatesAndKeepsTheNewest500()
    {
        var store = factory.Services.GetRequiredService<WorkingSetStore>();
        // 600 hours newest first, the newest hour sent twice with the second copy carrying the value to keep.
        Candle[] candles = [new(Start + 599 * Hour, 1, 1, 1, 1, 1, null), .. Enumerable.Range(0, 600).Reverse().Select(Hourly)];

        var count = await store.ReplaceAsync("STOREUSDT", H1, candles, _timeout);
        var workingSet = await store.GetAsync("STOREUSDT", H1, _timeout);

        Assert.Equal(500, count);
        Assert.Equal(Enumerable.Range(100, 500).Select(hour => (Start + hour * Hour) / 1000), workingSet.Select(candle => candle.Time));
        Assert.Equal(WorkingSetCandle.From(Hourly(599)), workingSet[^1]);
    }

    [Fact]
    public async Task ReplaceRecordsTheLoadTimeBesideTheCandles()
    {
        var store = factory.Services.GetRequiredService<WorkingSetStore>();
        var redis = factory.Services.GetRequiredService<IDatabase>();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await store.ReplaceAsync("LOADTIMEUSDT", H1, [Hourly(0)], _timeout);

        var loadedAt = (long)await redis.HashGetAsync(WorkingSetStore.Key("LOADTIMEUSDT", H1), "loaded_at");
        Assert.InRange(loadedAt, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task ClearRemovesTheWorkingSet()
    {
        var store = factory.Services.GetRequiredService<WorkingSetStore>();
        await store.ReplaceAsync("CLEARUSDT", H1, [Hourly(0)], _timeout);

        await store.ClearAsync("CLEARUSDT", H1, _timeout);

        Assert.Empty(await store.GetAsync("CLEARUSDT", H1, _timeout));
    }

    [Fact]
    public async Task LoadFromStoreMakesTheNewestStoredCandlesTheWorkingSet()
    {
        await using (var connection = new NpgsqlConnection(factory.DatabaseConnectionString))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                CandleSql.Series("'STOREDUSDT'", "'60'") + """
                INSERT INTO candle_bars (series_id, open_time, open, high, low, close, volume, turnover, source)
                SELECT series.id, @OpenTime, @Open, @High, @Low, @Close, @Volume, @Turnover, 'test' FROM series
                """,
                Enumerable.Range(0, 520).Select(Hourly),
                cancellationToken: _timeout));
        }
        await using var scope = factory.Services.CreateAsyncScope();

        var count = await scope.ServiceProvider.GetRequiredService<WorkingSetLoader>().LoadFromStoreAsync("STOREDUSDT", H1, _timeout);

        var workingSet = await factory.Services.GetRequiredService<WorkingSetStore>().GetAsync("STOREDUSDT", H1, _timeout);
        Assert.Equal(500, count);
        Assert.Equal(WorkingSetCandle.From(Hourly(20)), workingSet[0]);
        Assert.Equal(WorkingSetCandle.From(Hourly(519)), workingSet[^1]);
    }

    private static Candle Hourly(int hour) => new(Start + hour * Hour, 100 + hour, 101 + hour, 99 + hour, 100.5 + hour, hour, null);
}
