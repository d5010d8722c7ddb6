using System.Diagnostics;
using Dapper;
using Npgsql;
using Platform.Backtests.Tests.Backtests;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Platform.Backtests.Tests.Queue;

/// <summary>
/// Backtests replicas as real processes on PostgreSQL and Redis servers of the test's own, through the faults of
/// docs/architecture.md, 3: a worker process SIGKILLed mid-run, Redis restarted without persistence, PostgreSQL restarted.
/// </summary>
[Collection(nameof(AFaultDrillLosesNothingAndRunsNothingTwice))]
public sealed class AFaultDrillLosesNothingAndRunsNothingTwice(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Runs = 200;
    private const string PoisonSymbol = "ETHUSDT";

    /// <summary>A run whose candles come slowly, so that the drill's victim is surely killed in the middle of it.</summary>
    private const string SlowSymbol = "SOLUSDT";
    private static readonly TimeSpan DrillTimeout = TimeSpan.FromMinutes(4);

    private readonly string _database = TestDatabase.NewName("drill");
    private readonly string _keyPrefix = $"drill:{Guid.NewGuid():N}:";
    private readonly List<ServiceProcess> _workers = [];
    private ThrowawayServers _servers = null!;
    private MarketDataServer _marketData = null!;

    private string DatabaseConnectionString => TestDatabase.ConnectionString(_servers.Postgres.ConnectionString(), _database);

    public async Task InitializeAsync()
    {
        _servers = await ThrowawayServers.StartAsync(CancellationToken.None);
        await TestDatabase.CreateAsync(_servers.Postgres.ConnectionString(), _database, CancellationToken.None);
        _marketData = new MarketDataServer();
        // Slow pages keep a poison run in flight long enough to kill its worker; they must not count as an outage.
        _marketData.Set("Bybit:Resilience:FailFastTimeout", "00:00:10");
        await _marketData.InitializeAsync();
    }

    [Fact]
    public async Task TwoHundredRunsCompleteExactlyOnceThroughAKilledWorkerARedisRestartAndAPostgresRestart()
    {
        _workers.Add(await StartWorkerAsync());
        _workers.Add(await StartWorkerAsync());
        var strategyId = await InsertStrategyAsync();
        _marketData.Bybit.SetFault(FakeFault.Delay(TimeSpan.FromSeconds(2)), FakeBybitServer.KlinePath, SlowSymbol);
        var slow = await EnqueueAsync(strategyId, SlowSymbol);
        var ids = new List<long>();
        for (var run = 0; run < Runs; run++)
        {
            ids.Add(await EnqueueAsync(strategyId, "BTCUSDT"));
        }

        var drill = Stopwatch.StartNew();
        var victim = await KillTheWorkerHoldingAsync(slow);
        _workers.Add(await StartWorkerAsync());
        var killedAt = drill.Elapsed;
        // The killed run is taken again once its lease lapses; it ends before Redis and PostgreSQL go down.
        await UntilCompletedAsync([slow], 1);
        await UntilCompletedAsync(ids, 80);
        await _servers.RestartRedisAsync(CancellationToken.None);
        var redisAt = drill.Elapsed;
        await UntilCompletedAsync(ids, 140);
        await _servers.RestartPostgresAsync(CancellationToken.None);
        var postgresAt = drill.Elapsed;
        await UntilCompletedAsync([.. ids, slow], Runs + 1);
        drill.Stop();
        output.WriteLine(
            $"case=fault_drill runs={Runs} seconds={drill.Elapsed.TotalSeconds:F1} killed_at={killedAt.TotalSeconds:F1} redis_restart_at={redisAt.TotalSeconds:F1} postgres_restart_at={postgresAt.TotalSeconds:F1}");

        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        var runs = (await connection.QueryAsync<(long Id, string Status, int TotalTrades, long Trades, long Curves, int Attempts)>(
            """
            SELECT b.id, b.status, b.total_trades,
                   (SELECT count(*) FROM trades t WHERE t.backtest_id = b.id),
                   (SELECT count(*) FROM equity_curves e WHERE e.backtest_id = b.id),
                   b.attempts
            FROM backtests b WHERE b.id = ANY(@Ids)
            """,
            new { Ids = ids.Append(slow).ToArray() })).ToList();
        output.WriteLine($"killed {victim}; attempts: {string.Join(", ", runs.GroupBy(run => run.Attempts).OrderBy(group => group.Key).Select(group => $"{group.Key}x{group.Count()}"))}");

        Assert.Equal(Runs + 1, runs.Count);
        Assert.All(runs, run =>
        {
            Assert.Equal("completed", run.Status);
            Assert.Equal(run.TotalTrades, run.Trades);
            Assert.Equal(1, run.Curves);
        });
        Assert.Single(runs.Where(run => run.Id != slow).Select(run => run.TotalTrades).Distinct());
        Assert.True(runs.Single(run => run.Id == slow).Attempts > 1, "the run its worker died in was not run again");
    }

    [Fact]
    public async Task ARunThatKillsItsWorkerEveryTimeEndsFailedOnTheDeadLetterStreamAfterItsAttempts()
    {
        _workers.Add(await StartWorkerAsync());
        _marketData.Bybit.SetFault(FakeFault.Delay(TimeSpan.FromSeconds(3)), FakeBybitServer.KlinePath, PoisonSymbol);
        var strategyId = await InsertStrategyAsync();
        var poison = await EnqueueAsync(strategyId, PoisonSymbol);
        var kills = 0;
        var failed = await Eventually.ReturnsAsync(
            async () =>
            {
                var (status, claimedBy) = await RowAsync(poison);
                if (status == "running" && _workers.SingleOrDefault(worker => !worker.HasExited && claimedBy?.Split(':')[1] == worker.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } holder)
                {
                    await holder.KillAsync();
                    kills++;
                    _workers.Add(await StartWorkerAsync());
                }
                return status;
            },
            status => status == "failed", DrillTimeout, "the poison run to fail");
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        var row = await connection.QuerySingleAsync<(int Attempts, string Error)>("SELECT attempts, error_message FROM backtests WHERE id = @Id", new { Id = poison });
        // The run is failed in the database first; its dead-letter entry follows in Redis, so it is waited for.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_servers.Redis.ConnectionString);
        var dead = await Eventually.ReturnsAsync(
            () => redis.GetDatabase().StreamRangeAsync($"{_keyPrefix}backtests:jobs:dead"),
            entries => entries.Any(entry => (string?)entry["job"] == poison.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(10),
            "the poison run's dead-letter entry");

        Assert.Equal("failed", failed);
        Assert.Equal(3, kills);
        Assert.Equal(3, row.Attempts);
        Assert.StartsWith("Gave up after 3 attempts; the last one ended: worker ", row.Error, StringComparison.Ordinal);
        var entry = Assert.Single(dead, entry => (string?)entry["job"] == poison.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("Gave up after 3 attempts", (string?)entry["reason"], StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }
        await _marketData.DisposeAsync();
        await _servers.DisposeAsync();
    }

    /// <summary>A replica with its database, Redis, the market data service, and short leases.</summary>
    private Task<ServiceProcess> StartWorkerAsync() => ServiceProcess.StartAsync("Backtests", new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{ResourceNames.BacktestsDb}"] = DatabaseConnectionString,
        [$"ConnectionStrings:{ResourceNames.Redis}"] = _servers.Redis.ConnectionString,
        ["Redis:KeyPrefix"] = _keyPrefix,
        [$"services:{ResourceNames.MarketData}:http:0"] = _marketData.Address.ToString().TrimEnd('/'),
        ["Backtests:Queue:Concurrency"] = "2",
        ["Backtests:Queue:Lease"] = "00:00:02",
        ["Logging:LogLevel:Default"] = "Warning",
    });

    /// <summary>SIGKILLs the worker that holds run <paramref name="id"/> while it runs.</summary>
    private async Task<ServiceProcess> KillTheWorkerHoldingAsync(long id)
    {
        var holder = await Eventually.ReturnsAsync(
            async () =>
            {
                var (status, claimedBy) = await RowAsync(id);
                return status == "running"
                    ? _workers.FirstOrDefault(worker => !worker.HasExited && claimedBy?.Split(':')[1] == worker.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    : null;
            },
            worker => worker is not null, DrillTimeout, $"a worker holding run {id}");
        await holder!.KillAsync();
        return holder;
    }

    private async Task UntilCompletedAsync(IReadOnlyList<long> ids, int count) =>
        await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    await using var connection = new NpgsqlConnection(DatabaseConnectionString);
                    return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM backtests WHERE id = ANY(@Ids) AND status = 'completed'", new { Ids = ids.ToArray() });
                }
                catch (NpgsqlException)
                {
                    return 0;
                }
            },
            completed => completed >= count, DrillTimeout, $"{count} runs completed");

    private async Task<long> InsertStrategyAsync()
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO strategies (name, strategy_type, config) VALUES ('drill', 'sma_crossover', '{\"fast\": 5, \"slow\": 20}') RETURNING id");
    }

    /// <summary>Stores a queued run and publishes its id, as the service's create endpoint does.</summary>
    private async Task<long> EnqueueAsync(long strategyId, string symbol)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        var id = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO backtests (strategy_id, symbol, timeframe, start_date, end_date, initial_capital, leverage, commission)
            VALUES (@StrategyId, @Symbol, '60', @Start, @End, 10000, 1, 0.0006) RETURNING id
            """,
            new { StrategyId = strategyId, Symbol = symbol, Start = BacktestRequests.Start.UtcDateTime, End = BacktestRequests.Start.AddHours(300).UtcDateTime });
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_servers.Redis.ConnectionString);
        await redis.GetDatabase().StreamAddAsync($"{_keyPrefix}backtests:jobs", "job", id);
        return id;
    }

    private async Task<(string Status, string? ClaimedBy)> RowAsync(long id)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        return await connection.QuerySingleAsync<(string, string?)>("SELECT status, claimed_by FROM backtests WHERE id = @Id", new { Id = id });
    }
}

[CollectionDefinition(nameof(AFaultDrillLosesNothingAndRunsNothingTwice), DisableParallelization = true)]
public sealed class FaultDrillsRunAlone;
