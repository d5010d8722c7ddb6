extern alias gateway;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using gateway::Platform.Gateway.Security;
using Platform.Testing;

namespace Platform.Gateway.Bench;

/// <summary>
/// Gateway overhead (issue 7): wrk (2 threads, 50 connections, 10 s) on a small GET straight to a service, then the same
/// GET through the gateway with the API key header, authentication and rate limiting on; the gateway should keep at
/// least 70% of the direct throughput. Two services: the real backtests service (<c>GET /api/v1/backtests/{id}</c>, one
/// PostgreSQL read) and an upstream that answers from memory, the worst case for the ratio. One line per case.
/// </summary>
internal static class GatewayBenchmark
{
    private const string KeyHeader = "X-API-Key";

    public static async Task Main()
    {
        var (upstream, upstreamUrl) = await Upstream.StartAsync();
        await using var upstreamApp = upstream;
        await using var backtests = new BenchBacktests();
        await backtests.InitializeAsync();
        var key = ApiKeyHasher.NewKey();
        await using var gateway = new BenchGateway(backtests.Address, upstreamUrl, key);
        await ServiceFactory<Program>.WaitUntilReadyAsync(gateway.CreateClient(), TimeSpan.FromSeconds(30));

        var backtestPath = $"/api/v1/backtests/{await CreateBacktestAsync(backtests.CreateClient())}";
        await CompareAsync("backtests", backtests.Address + backtestPath, gateway.Address + backtestPath, key);
        const string EchoPath = "/api/v1/optimizations/1";
        await CompareAsync("in_memory", upstreamUrl + EchoPath, gateway.Address + EchoPath, key);
    }

    private static async Task CompareAsync(string service, string directUrl, string gatewayUrl, string key)
    {
        var direct = await Wrk.RunAsync(directUrl);
        Console.WriteLine($"case=direct service={service} {direct.Fields}");
        var viaGateway = await Wrk.RunAsync(gatewayUrl, $"{KeyHeader}: {key}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"case=via_gateway service={service} {viaGateway.Fields} ratio_to_direct={viaGateway.RequestsPerSecond / direct.RequestsPerSecond:F2}"));
    }

    private static async Task<long> CreateBacktestAsync(HttpClient client)
    {
        var strategy = await PostAsync(client, "/api/v1/strategies/", new JsonObject
        {
            ["name"] = $"bench-{Guid.NewGuid():N}",
            ["strategy_type"] = "sma_crossover",
            ["config"] = new JsonObject { ["fast"] = 10, ["slow"] = 40 },
        });
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return await PostAsync(client, "/api/v1/backtests/", new JsonObject
        {
            ["strategy_id"] = strategy,
            ["symbol"] = "BTCUSDT",
            ["timeframe"] = "1",
            ["start_date"] = start.ToString("O"),
            ["end_date"] = start.AddDays(1).ToString("O"),
            ["initial_capital"] = 10_000,
        });
    }

    private static async Task<long> PostAsync(HttpClient client, string path, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }
}
