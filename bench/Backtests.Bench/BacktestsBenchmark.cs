using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;
using Dapper;
using Npgsql;

namespace Platform.Backtests.Bench;

/// <summary>
/// The peak memory of a 5,000,000-bar backtest (<see cref="LongBacktestBenchmark"/>), queue latency (POST returning → a
/// worker claiming the run) on an idle service, the throughput of 1,000 small backtests
/// (10,000 bars each) queued at once with two workers, and GET /{id} through the gateway under wrk at 50 connections.
/// One line per case.
/// </summary>
internal static class BacktestsBenchmark
{
    private const int LatencySamples = 50;
    private const int ThroughputRuns = 1_000;
    private const int Bars = 10_000;
    private static readonly DateTimeOffset Start = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task Main(string[] args)
    {
        // First, so that the process's peak memory is this case's alone; its name as the argument runs it alone.
        await LongBacktestBenchmark.RunAsync();
        if (args is [LongBacktestBenchmark.Name])
        {
            return;
        }
        ChartBenchmark.Run();
        await using var services = await BenchServices.StartAsync(workers: 2);
        using var client = services.Backtests.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        var strategyId = await CreateStrategyAsync(client);

        // The first run loads the 10,000 candles from Bybit into the market data store; later runs read them stored.
        await WaitCompletedAsync(services, [await CreateAsync(client, strategyId)], TimeSpan.FromMinutes(2));

        var latencies = new List<double>();
        for (var sample = 0; sample < LatencySamples; sample++)
        {
            var id = await CreateAsync(client, strategyId);
            var returned = DateTime.UtcNow;
            await WaitCompletedAsync(services, [id], TimeSpan.FromMinutes(1));
            var claimedAt = await ScalarAsync<DateTime>(services, "SELECT claimed_at FROM backtests WHERE id = @Id", new { Id = id });
            latencies.Add((claimedAt - returned).TotalMilliseconds);
        }
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"case=queue_latency samples={LatencySamples} p50_ms={Percentile(latencies, 0.50):F1} p95_ms={Percentile(latencies, 0.95):F1} max_ms={latencies[^1]:F1}"));

        var watch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, ThroughputRuns).Select(_ => CreateAsync(client, strategyId)));
        await WaitCompletedAsync(services, ids, TimeSpan.FromMinutes(10));
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"case=throughput_1000x10k backtests={ThroughputRuns} bars={Bars} workers=2 seconds={seconds:F2} backtests_per_second={ThroughputRuns / seconds:F1}"));

        var (_, fields) = await Wrk.RunAsync($"{services.Gateway.Address}/api/v1/backtests/{ids[0]}", $"X-API-Key: {BenchServices.ApiKey}");
        Console.WriteLine($"case=get_backtest_via_gateway {fields}");
    }

    private static async Task<long> CreateStrategyAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/strategies/", new JsonObject
        {
            ["name"] = $"bench-{Guid.NewGuid():N}",
            ["strategy_type"] = "sma_crossover",
            ["config"] = new JsonObject { ["fast"] = 10, ["slow"] = 40 },
        });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<long> CreateAsync(HttpClient client, long strategyId)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/backtests/", new JsonObject
        {
            ["strategy_id"] = strategyId,
            ["symbol"] = "BTCUSDT",
            ["timeframe"] = "1",
            ["start_date"] = Start.ToString("O"),
            ["end_date"] = Start.AddMinutes(Bars).ToString("O"),
            ["initial_capital"] = 10_000,
        });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task WaitCompletedAsync(BenchServices services, long[] ids, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (await ScalarAsync<long>(services, "SELECT count(*) FROM backtests WHERE id = ANY(@Ids) AND status IN ('completed', 'failed')", new { Ids = ids }) < ids.Length)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"runs did not complete within {timeout}");
            }
            await Task.Delay(2);
        }
        if (await ScalarAsync<long>(services, "SELECT count(*) FROM backtests WHERE id = ANY(@Ids) AND status = 'failed'", new { Ids = ids }) > 0)
        {
            throw new InvalidOperationException("a benchmark run failed");
        }
    }

    private static async Task<T> ScalarAsync<T>(BenchServices services, string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(services.Backtests.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException(sql);
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[(int)Math.Min(sorted.Count - 1, Math.Round(fraction * (sorted.Count - 1)))];
}
