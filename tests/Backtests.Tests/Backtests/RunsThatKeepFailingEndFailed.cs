using Dapper;
using Npgsql;
using Platform.ServiceDefaults;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.Backtests.Tests.Backtests;

public sealed class RunsThatKeepFailingEndFailed(UnreachableMarketDataFactory factory) : IClassFixture<UnreachableMarketDataFactory>
{
    [Fact]
    public async Task ARunWhoseCandlesNeverArriveIsRetriedThenDeadLettered()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "unreachable");

        var id = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId))).GetProperty("id").GetInt64();
        var failed = await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "failed", TimeSpan.FromSeconds(60), "the run to fail");

        Assert.Equal(UnreachableMarketDataFactory.MaxAttempts, failed.GetProperty("attempts").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("error_message").GetString()));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(factory.Servers.RedisConnectionString);
        var dead = await redis.GetDatabase().StreamRangeAsync($"{factory.KeyPrefix}backtests:jobs:dead");
        Assert.Contains(dead, entry => (string?)entry["job"] == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM trades WHERE backtest_id = @Id", new { Id = id }));
    }
}

/// <summary>Backtests whose market data service cannot be reached, with fast retries and two attempts per run.</summary>
public sealed class UnreachableMarketDataFactory : BacktestsFactory
{
    public const int MaxAttempts = 2;

    protected override void Configure()
    {
        Set($"services:{ResourceNames.MarketData}:http:0", "http://127.0.0.1:9");
        Set("CandleFeed:Resilience:Retry:Delay", "00:00:00.010");
        Set("CandleFeed:Resilience:Retry:MaxRetryAttempts", "1");
        Set("Backtests:Queue:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
