using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>The <c>wrk</c> load tool (Debian package, installed when missing) at 2 threads, 50 connections, 10 seconds.</summary>
public static partial class Wrk
{
    /// <summary>Requests per second and the benchmark line's fields (<c>connections=50 seconds=10 requests_per_second=... p99=... non_2xx=...</c>).</summary>
    public static async Task<(double RequestsPerSecond, string Fields)> RunAsync(string url, params string[] headers)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            await RunProcessAsync("apt-get", "install", "-y", "wrk");
        }
        var output = await RunProcessAsync("wrk", ["-t2", "-c50", "-d10s", "--latency", .. headers.SelectMany(header => new[] { "-H", header }), url]);
        var requests = RequestsPerSecond().Match(output).Groups[1].Value;
        var p99 = P99().Match(output).Groups[1].Value;
        var non2xx = Non2xx().Match(output) is { Success: true } match ? match.Groups[1].Value : "0";
        return (double.Parse(requests, CultureInfo.InvariantCulture),
            $"connections=50 seconds=10 requests_per_second={requests} p99={p99} non_2xx={non2xx}");
    }

    private static async Task<string> RunProcessAsync(string command, params string[] arguments)
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
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"99%\s+([\d.]+\w+)")]
    private static partial Regex P99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
