extern alias backtests;
extern alias marketdata;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.Optimizations.Bench;

/// <summary>
/// A 1,000-combination SMA-cross grid on 1,000,000 one-minute bars through the whole platform (market data on a fake Bybit,
/// strategies from the backtests service), with one optimization replica, then with two. The candles are stored first, so
/// the figures are of the grid, not of the backfill.
/// </summary>
internal static class GridBenchmark
{
    private const int Bars = 1_000_000;
    private static readonly DateTimeOffset Start = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        await using var marketData = new Service<marketdata::Program>(ResourceNames.MarketDataDb, "services/MarketData");
        marketData.Set("Bybit:BaseUrl", bybit.BaseAddress.ToString());
        marketData.Set("Bybit:Resilience:RequestsPerSecond", "1000");
        await marketData.InitializeAsync();
        var end = Start.AddMinutes(Bars);
        using (var warm = marketData.CreateClient())
        {
            warm.Timeout = TimeSpan.FromMinutes(10);
            using var read = await warm.GetAsync($"/internal/candles?symbol=BTCUSDT&interval=1&start={Start.ToUnixTimeMilliseconds()}&end={end.ToUnixTimeMilliseconds()}",
                HttpCompletionOption.ResponseContentRead);
            read.EnsureSuccessStatusCode();
        }
        await using var strategies = new Service<backtests::Program>(ResourceNames.BacktestsDb, "services/Backtests");
        strategies.Set($"services:{ResourceNames.MarketData}:http:0", marketData.Address);
        strategies.Set("Backtests:Queue:Concurrency", "0");
        await strategies.InitializeAsync();
        var strategyId = await CreateStrategyAsync(strategies.CreateClient());

        await using var api = new Service<Program>(ResourceNames.OptimizationsDb, "services/Optimizations");
        api.Set($"services:{ResourceNames.MarketData}:http:0", marketData.Address);
        api.Set($"services:{ResourceNames.Backtests}:http:0", strategies.Address);
        api.Set("Optimizations:Grid:Concurrency", "1");
        await api.InitializeAsync();
        using var client = api.CreateClient();

        var first = await TimeGridAsync(client, strategyId, end);
        Print("grid_1000_sma_1m_one_replica", 1, first);

        await using var second = await api.StartReplicaAsync(("Optimizations:Grid:Concurrency", "1"));
        var both = await TimeGridAsync(client, strategyId, end);
        Print("grid_1000_sma_1m_two_replicas", 2, both);
    }

    private static void Print(string name, int replicas, double seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"case={name} combinations=1000 bars={Bars} replicas={replicas} seconds={seconds:F2} combinations_per_second={1000 / seconds:F1}"));

    private static async Task<double> TimeGridAsync(HttpClient client, long strategyId, DateTimeOffset end)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/optimizations/", new JsonObject
        {
            ["strategy_id"] = strategyId,
            ["optimization_type"] = "grid_search",
            ["symbol"] = "BTCUSDT",
            ["timeframe"] = "1",
            ["start_date"] = Start.ToString("O"),
            ["end_date"] = end.ToString("O"),
            ["param_ranges"] = new JsonObject
            {
                ["fast"] = new JsonObject { ["min"] = 5, ["max"] = 104 },
                ["slow"] = new JsonObject { ["min"] = 110, ["max"] = 200, ["step"] = 10 },
            },
            ["metric"] = "sharpe_ratio",
            ["initial_capital"] = 10_000,
        });
        var text = await created.Content.ReadAsStringAsync();
        created.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();

        var watch = Stopwatch.StartNew();
        using (var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject()))
        {
            started.EnsureSuccessStatusCode();
        }
        while (true)
        {
            var status = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/{id}")).RootElement.GetProperty("status").GetString();
            if (status == "completed")
            {
                return watch.Elapsed.TotalSeconds;
            }
            if (status is "failed" or "cancelled")
            {
                throw new InvalidOperationException($"the grid ended {status}");
            }
            await Task.Delay(20);
        }
    }

    private static async Task<long> CreateStrategyAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/strategies/", new JsonObject
        {
            ["name"] = $"bench-{Guid.NewGuid():N}",
            ["strategy_type"] = "sma_crossover",
            ["config"] = new JsonObject { ["fast"] = 10, ["slow"] = 120 },
        });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>A service outside a test project: its content root is given as a setting, which replicas inherit.</summary>
    private sealed class Service<TProgram> : KestrelService<TProgram>
        where TProgram : class
    {
        public Service(string? database, string contentRoot)
            : base(database)
        {
            Set(WebHostDefaults.ContentRootKey, Path.Combine(SolutionDirectory(), contentRoot));
            Set(WebHostDefaults.EnvironmentKey, "Production");
        }

        private static string SolutionDirectory()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new DirectoryNotFoundException("Platform.sln not found above the benchmark");
        }
    }
}
