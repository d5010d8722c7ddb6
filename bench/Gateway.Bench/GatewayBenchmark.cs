extern alias gateway;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using gateway::Platform.Gateway.Security;
using Platform.Testing;

namespace Platform.Gateway.Bench;

/// <summary>
/// Gateway overhead (issue 7): wrk (2 threads, 50 connections, 10 s) on a small GET straight to a service, then the same
/// GET through the gateway with the API key header, authentication and rate limiting on; the gateway should keep at
/// least 70% of the direct throughput. Two services: the real backtests service (<c>GET /api/v1/backtests/{id}</c>, one
/// PostgreSQL read) and an upstream that answers from memory, the worst case for the ratio. One line per case.
/// </summary>
internal static partial class GatewayBenchmark
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
        var direct = await WrkAsync(directUrl, []);
        Console.WriteLine($"case=direct service={service} {direct.Line}");
        var viaGateway = await WrkAsync(gatewayUrl, ["-H", $"{KeyHeader}: {key}"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"case=via_gateway service={service} {viaGateway.Line} ratio_to_direct={viaGateway.RequestsPerSecond / direct.RequestsPerSecond:F2}"));
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

    /// <summary>wrk from the Debian package (installed when missing), 2 threads, 50 connections, 10 seconds.</summary>
    private static async Task<(double RequestsPerSecond, string Line)> WrkAsync(string url, string[] headers)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            await RunAsync("apt-get", "install", "-y", "wrk");
        }
        var output = await RunAsync("wrk", ["-t2", "-c50", "-d10s", "--latency", .. headers, url]);
        var requests = WrkRequestsPerSecond().Match(output).Groups[1].Value;
        var p99 = WrkP99().Match(output).Groups[1].Value;
        var non2xx = WrkNon2xx().Match(output) is { Success: true } match ? match.Groups[1].Value : "0";
        return (double.Parse(requests, CultureInfo.InvariantCulture),
            $"connections=50 seconds=10 requests_per_second={requests} p99={p99} non_2xx={non2xx}");
    }

    private static async Task<string> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{command} exited with {process.ExitCode}: {output}");
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex WrkRequestsPerSecond();

    [GeneratedRegex(@"99%\s+([\d.]+\w+)")]
    private static partial Regex WrkP99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex WrkNon2xx();
}
