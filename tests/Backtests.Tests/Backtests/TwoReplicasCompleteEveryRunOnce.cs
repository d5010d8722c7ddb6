using Dapper;
using Npgsql;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.Backtests.Tests.Backtests;

/// <summary>
/// Replicas in this process sharing the queue: one stops gracefully mid-queue, and five claims are left behind without
/// heartbeats as a dead worker would leave them. The crash itself, a worker process SIGKILLed mid-run, is
/// <see cref="Queue.AFaultDrillLosesNothingAndRunsNothingTwice"/>.
/// </summary>
public sealed class TwoReplicasCompleteEveryRunOnce(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>
{
    private const int Runs = 200;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TwoHundredRunsCompleteOnceThroughAStoppedReplicaAndAbandonedClaims()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "two-replicas");
        var ids = new List<long>();
        for (var run = 0; run < Runs; run++)
        {
            ids.Add((await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, hours: 300))).GetProperty("id").GetInt64());
        }
        // Abandoned claims, written as a dead worker leaves them: stream entries pending under its name, claims without heartbeats.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(factory.Servers.RedisConnectionString);
        var stream = redis.GetDatabase();
        var key = $"{factory.KeyPrefix}backtests:jobs";
        try
        {
            await stream.StreamCreateConsumerGroupAsync(key, "workers", StreamPosition.Beginning);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The service's reconciler created it first.
        }
        var taken = await stream.StreamReadGroupAsync(key, "workers", "dead-worker", StreamPosition.NewMessages, 5);
        await ExecuteAsync(
            """
            UPDATE backtests SET status = 'running', claimed_by = 'dead-worker', claimed_at = now(), heartbeat_at = now(), attempts = 1,
                                 lease_until = now() + interval '5 seconds'
            WHERE id = ANY(@Ids)
            """,
            new { Ids = taken.Select(entry => long.Parse((string)entry["job"]!)).ToArray() });

        var first = await factory.StartReplicaAsync(("Backtests:Queue:Concurrency", "2"));
        await using (var second = await factory.StartReplicaAsync(("Backtests:Queue:Concurrency", "2")))
        {
            await Eventually.ReturnsAsync(() => CompletedAsync(), completed => completed >= 40, Timeout, "40 runs completed");
            await first.DisposeAsync();
            await using var restarted = await factory.StartReplicaAsync(("Backtests:Queue:Concurrency", "2"));
            await Eventually.ReturnsAsync(() => CompletedAsync(), completed => completed == Runs, Timeout, "every run completed");
        }

        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        var statuses = (await connection.QueryAsync<string>("SELECT DISTINCT status FROM backtests WHERE id = ANY(@Ids)", new { Ids = ids.ToArray() })).ToList();
        var tradesPerRun = (await connection.QueryAsync<(int TotalTrades, long Stored)>(
            "SELECT b.total_trades, count(t.id) FROM backtests b LEFT JOIN trades t ON t.backtest_id = b.id WHERE b.id = ANY(@Ids) GROUP BY b.id", new { Ids = ids.ToArray() })).Distinct().ToList();
        var curves = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM equity_curves WHERE backtest_id = ANY(@Ids)", new { Ids = ids.ToArray() });
        Assert.Equal(["completed"], statuses);
        var trades = Assert.Single(tradesPerRun);
        Assert.Equal(trades.TotalTrades, trades.Stored);
        Assert.Equal(QueuedBacktestsRunToCompletion.RunEngineDirectly(300).Metrics.TotalTrades, trades.TotalTrades);
        Assert.Equal(Runs, curves);
        Assert.Empty(await stream.StreamRangeAsync($"{key}:dead"));
    }

    private async Task<long> CompletedAsync()
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM backtests WHERE status = 'completed'");
    }

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        await connection.ExecuteAsync(sql, parameters);
    }
}
