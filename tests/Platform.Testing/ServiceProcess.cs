using System.Collections.Concurrent;
using Platform.ServiceDefaults.Identity;
using Platform.Testing.LocalServers;

namespace Platform.Testing;

/// <summary>
/// A service of the platform as a real process (its built <c>services/&lt;name&gt;/&lt;name&gt;.dll</c>) with the given
/// configuration, so that a test can SIGKILL it mid-job as an out-of-memory kill or a node failure would.
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
    /// Starts <paramref name="service"/> (the project's folder and assembly name, e.g. <c>Backtests</c>) with
    /// <paramref name="settings"/> (configuration keys) and the test callers' identity secret; ready when returned.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string service, IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var output = new ConcurrentQueue<string>();
        var environment = settings.ToDictionary(setting => EnvironmentName(setting.Key), setting => setting.Value);
        environment["ASPNETCORE_URLS"] = address.ToString();
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment[EnvironmentName(SignedIdentity.SecretKey)] = Caller.Secret;
        var directory = BuildDirectory(service);
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
            done => done, TimeSpan.FromSeconds(60), $"a {service} process to be ready");
        if (process.HasExited)
        {
            throw new InvalidOperationException($"The {service} process exited while starting:\n{string.Join('\n', output)}");
        }
        return started;
    }

    /// <summary>SIGKILL: the process ends at once, without running any shutdown code.</summary>
    public void Kill() => ServerProcess.Signal(_process.Id, ServerProcess.SigKill);

    /// <summary>Waits until the process is gone, as a test must before it counts on the process's work having stopped.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    public override string ToString() => $"{_service} process {ProcessId}: {string.Join('\n', _output.TakeLast(20))}";

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The service's build output for the test's own configuration and target framework.</summary>
    private static string BuildDirectory(string service)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent;
        }
        var configuration = testOutput.Parent!.Name;
        return Path.Combine(root!.FullName, "services", service, "bin", configuration, testOutput.Name);
    }
}
