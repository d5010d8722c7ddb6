using System.Collections.Concurrent;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.LocalServers;

namespace Platform.Backtests.Tests.Queue;

/// <summary>
/// The backtests service as a real process (its built <c>Backtests.dll</c>), on given PostgreSQL and Redis, so that a test
/// can SIGKILL it mid-run as an out-of-memory kill or a node failure would.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly ConcurrentQueue<string> _output;

    private WorkerProcess(ServerProcess process, ConcurrentQueue<string> output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a replica with <paramref name="settings"/> (configuration keys) and waits until it is ready.</summary>
    public static async Task<WorkerProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var output = new ConcurrentQueue<string>();
        var environment = settings.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);
        environment["ASPNETCORE_URLS"] = address.ToString();
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["Platform__IdentitySecret"] = Caller.Secret;
        var process = ServerProcess.Start("dotnet", [Path.Combine(Directory, "Backtests.dll")], output.Enqueue, Directory, environment);
        var worker = new WorkerProcess(process, output, address);
        using var http = new HttpClient { BaseAddress = address };
        var ready = await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    using var response = await http.GetAsync("/health/ready");
                    return response.IsSuccessStatusCode || process.HasExited;
                }
                catch (HttpRequestException)
                {
                    return process.HasExited;
                }
            },
            done => done, TimeSpan.FromSeconds(60), "a backtests process to be ready");
        if (process.HasExited)
        {
            throw new InvalidOperationException($"The backtests process exited while starting:\n{string.Join('\n', output)}");
        }
        return worker;
    }

    /// <summary>The service's build output beside this test's (same configuration).</summary>
    private static string Directory
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
            var root = testOutput;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
            {
                root = root.Parent;
            }
            var configuration = testOutput.Parent!.Name;
            return Path.Combine(root!.FullName, "services", "Backtests", "bin", configuration, testOutput.Name);
        }
    }

    public void Kill() => ServerProcess.Signal(_process.Id, ServerProcess.SigKill);

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    public override string ToString() => $"backtests process {ProcessId}: {string.Join('\n', _output.TakeLast(20))}";

    /// <summary>The configuration a replica needs: its database, Redis, the market data service, and short leases.</summary>
    public static Dictionary<string, string> Settings(ThrowawayServers servers, string database, string keyPrefix, Uri marketData) => new()
    {
        [$"ConnectionStrings:{ResourceNames.BacktestsDb}"] = TestDatabase.ConnectionString(servers.Postgres.ConnectionString(), database),
        [$"ConnectionStrings:{ResourceNames.Redis}"] = servers.Redis.ConnectionString,
        ["Redis:KeyPrefix"] = keyPrefix,
        [$"services:{ResourceNames.MarketData}:http:0"] = marketData.ToString().TrimEnd('/'),
        ["Backtests:Queue:Concurrency"] = "2",
        ["Backtests:Queue:Lease"] = "00:00:02",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
