using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Platform.ServiceDefaults.Identity;
using Platform.Testing.LocalServers;

namespace Platform.Testing;

/// <summary>
/// A service as a real process (its built <c>&lt;service&gt;.dll</c>), so that a test can SIGKILL it mid-job as an
/// out-of-memory kill or a node failure would: an in-process host can only be stopped gracefully, and a graceful stop
/// releases its jobs.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly string _service;

    private ServiceProcess(string service, ServerProcess process, ConcurrentQueue<string> output, Uri address)
    {
        _service = service;
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>services/&lt;service&gt;</c>'s build output (same configuration as the test's) on a free port with
    /// <paramref name="settings"/> (configuration keys, e.g. a factory's <see cref="ServiceFactory{TProgram}.Settings"/>
    /// with overrides) and waits until <c>/health/ready</c> answers 200.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string service, IReadOnlyDictionary<string, string?> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var output = new ConcurrentQueue<string>();
        var environment = settings
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
        // A factory that listens on a free port of its own carries a urls setting; the process listens where told here.
        environment.Remove(WebHostDefaults.ServerUrlsKey);
        environment["ASPNETCORE_URLS"] = address.ToString();
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment.TryAdd(SignedIdentity.SecretKey.Replace(":", "__", StringComparison.Ordinal), Caller.Secret);
        var directory = OutputDirectory(service);
        var process = ServerProcess.Start("dotnet", [Path.Combine(directory, $"{service}.dll")], output.Enqueue, directory, environment);
        var started = new ServiceProcess(service, process, output, address);
        using var http = new HttpClient { BaseAddress = address };
        await Eventually.ReturnsAsync(
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
            done => done,
            TimeSpan.FromSeconds(60),
            $"a {service} process to be ready");
        if (process.HasExited)
        {
            throw new InvalidOperationException($"The {service} process exited while starting:\n{string.Join('\n', output)}");
        }
        return started;
    }

    /// <summary>SIGKILL: the process ends at once, without running any shutdown code; returns once it has exited.</summary>
    public async Task KillAsync()
    {
        ServerProcess.Signal(_process.Id, ServerProcess.SigKill);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    public override string ToString() => $"{_service} process {ProcessId}: {string.Join('\n', _output.TakeLast(20))}";

    /// <summary><c>services/&lt;service&gt;/bin/&lt;configuration&gt;/&lt;framework&gt;</c>, as the test's own output is laid out.</summary>
    private static string OutputDirectory(string service)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        return Path.Combine(Repository.Root, "services", service, "bin", testOutput.Parent!.Name, testOutput.Name);
    }
}
