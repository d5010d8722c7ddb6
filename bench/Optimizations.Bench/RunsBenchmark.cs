extern alias backtests;
extern alias marketdata;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.Optimizations.Bench;

/// <summary>
/// A 1,000-combination SMA-cross grid on 1,000,000 one-minute bars through the whole platform (market data on a fake Bybit,
/// strategies from the backtests service), and 200-trial model-based and random searches over the same space, with one
/// optimization replica, then with two. The candles are stored first, so the figures are of the runs, not of the backfill.
/// </summary>
internal static class RunsBenchmark
{
    private const int Bars = 1_000_000;
    private const int SearchTrials = 200;
    private static readonly DateTimeOffset Start = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        await using var marketData = new SolutionService<marketdata::Program>(ResourceNames.MarketDataDb, "services/MarketData");
        marketData.Set("Bybit:BaseUrl", bybit.BaseAddress.ToString());
        marketData.Set("Bybit:Resilience:RequestsPerSecond", "1000");
        await marketData.InitializeAsync();
        var end = Start.AddMinutes(Bars);
        using (var warm = marketData.CreateClient(Caller.Service(ResourceNames.Optimizations)))
        {
            warm.Timeout = TimeSpan.FromMinutes(10);
            using var read = await warm.GetAsync($"/internal/candles?symbol=BTCUSDT&interval=1&start={Start.ToUnixTimeMilliseconds()}&end={end.ToUnixTimeMilliseconds()}",
                HttpCompletionOption.ResponseContentRead);
            read.EnsureSuccessStatusCode();
        }
        await using var strategies = new SolutionService<backtests::Program>(ResourceNames.BacktestsDb, "services/Backtests");
        strategies.Set($"services:{ResourceNames.MarketData}:http:0", marketData.Address);
        strategies.Set("Backtests:Queue:Concurrency", "0");
        await strategies.InitializeAsync();
        var strategyId = await CreateStrategyAsync(strategies.CreateClient());

        await using var api = new SolutionService<Program>(ResourceNames.OptimizationsDb, "services/Optimizations");
        api.Set($"services:{ResourceNames.MarketData}:http:0", marketData.Address);
        api.Set($"services:{ResourceNames.Backtests}:http:0", strategies.Address);
        api.Set("Optimizations:Grid:Concurrency", "1");
        await api.InitializeAsync();
        using var client = api.CreateClient();

        await RunCasesAsync(client, strategyId, end, replicas: 1);
        await using var second = await api.StartReplicaAsync(("Optimizations:Grid:Concurrency", "1"));
        await RunCasesAsync(client, strategyId, end, replicas: 2);
    }

    /// <summary>The grid of 1,000 and, over the same space, a 200-trial model-based search and a 200-trial random search.</summary>
    private static async Task RunCasesAsync(HttpClient client, long strategyId, DateTimeOffset end, int replicas)
    {
        var setup = replicas == 1 ? "one_replica" : "two_replicas";
        var grid = await TimeRunAsync(client, await CreateOptimizationAsync(client, strategyId, end), "grid", new JsonObject());
        Print($"grid_1000_sma_1m_{setup}", "combinations", replicas, grid);
        foreach (var method in new[] { "tpe", "random" })
        {
            var search = await TimeRunAsync(client, await CreateOptimizationAsync(client, strategyId, end), "run/bayesian", new JsonObject
            {
                ["method"] = method,
                ["n_trials"] = SearchTrials,
                ["seed"] = 7,
                ["n_initial"] = 20,
            });
            Print($"{(method == "tpe" ? "bayesian" : "random")}_{SearchTrials}_sma_1m_{setup}", "trials", replicas, search);
        }
    }

    private static void Print(string name, string unit, int replicas, RunTiming run) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"case={name} {unit}={run.Evaluations} bars={Bars} replicas={replicas} seconds={run.Seconds:F2} {unit}_per_second={run.Evaluations / run.Seconds:F1} best_score={run.BestScore:F4}"));

    private static async Task<long> CreateOptimizationAsync(HttpClient client, long strategyId, DateTimeOffset end)
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
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>From the POST that starts a run to the run's completion, polled every 20 ms.</summary>
    private static async Task<RunTiming> TimeRunAsync(HttpClient client, long id, string path, JsonObject body)
    {
        var watch = Stopwatch.StartNew();
        long runId;
        using (var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/{path}", body))
        {
            var text = await started.Content.ReadAsStringAsync();
            started.EnsureSuccessStatusCode();
            runId = JsonDocument.Parse(text).RootElement.GetProperty("run_id").GetInt64();
        }
        while (true)
        {
            var run = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/{id}/runs/{runId}")).RootElement;
            var status = run.GetProperty("status").GetString();
            if (status == "completed")
            {
                return new RunTiming(watch.Elapsed.TotalSeconds, run.GetProperty("progress").GetProperty("done").GetInt32(), run.GetProperty("best_score").GetDouble());
            }
            if (status is "failed" or "cancelled")
            {
                throw new InvalidOperationException($"the run ended {status}: {run}");
            }
            await Task.Delay(20);
        }
    }

    private sealed record RunTiming(double Seconds, int Evaluations, double BestScore);

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
}
