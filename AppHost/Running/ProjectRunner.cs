using Platform.AppHost.LocalServers;
using Platform.AppHost.Model;

namespace Platform.AppHost.Running;

/// <summary>
/// Runs one project from its build output (<c>dotnet &lt;assembly&gt;.dll</c>, as <c>dotnet run --no-build</c> would),
/// reports readiness from <c>/health/ready</c>, and restarts it with exponential back-off when it crashes.
/// </summary>
internal sealed class ProjectRunner(
    ProjectResource project, ResourceStatus status, AppHostOptions options, RunContext context, TextWriter log, HttpClient http)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    // Aspire does not pass these on: the AppHost sets the environment and URLs itself.
    private static readonly string[] NotInherited = ["ASPNETCORE_URLS", "DOTNET_LAUNCH_PROFILE", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    private readonly TaskCompletionSource _firstReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _control = new();
    private ServerProcess? _process;

    // Set while the dashboard holds the project stopped; completing it lets the run loop start it again.
    private TaskCompletionSource? _held;
    private bool _restartRequested;

    public Task FirstReady => _firstReady.Task;

    public string ProjectDirectory => Path.GetDirectoryName(Path.Combine(options.RepositoryRoot, project.ProjectPath))!;

    public string AssemblyPath =>
        Path.Combine(ProjectDirectory, "bin", options.BuildConfiguration, "net10.0", project.AssemblyName + ".dll");

    /// <summary>Starts the project and keeps it running until <paramref name="stopping"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            if (!await WaitWhileHeldAsync(stopping))
            {
                break;
            }
            Start();
            var startedAt = DateTimeOffset.UtcNow;
            var exited = _process!.WaitForExitAsync(CancellationToken.None);
            var ready = WaitUntilReadyAsync(stopping);
            await Task.WhenAny(exited, ready);
            if (ready.IsCompletedSuccessfully && ready.Result)
            {
                status.State = ResourceState.Healthy;
                _firstReady.TrySetResult();
            }
            try
            {
                await exited.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (TakeRequestedRestart())
            {
                failures = 0;
                continue;
            }

            failures = DateTimeOffset.UtcNow - startedAt > StableAfter ? 1 : failures + 1;
            var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
            status.State = ResourceState.Restarting;
            await log.WriteLineAsync($"{project.Name} exited with code {_process.ExitCode}; restarting in {backoff.TotalSeconds:0} s");
            try
            {
                await Task.Delay(backoff, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            status.Restarts++;
        }
    }

    /// <summary>The dashboard's restart: ends the process gracefully and starts it again at once, without back-off.</summary>
    public async Task RestartAsync()
    {
        lock (_control)
        {
            if (_held is { } held)
            {
                _held = null;
                held.TrySetResult();
                return;
            }
            _restartRequested = true;
        }
        status.State = ResourceState.Restarting;
        await EndProcessAsync();
    }

    /// <summary>The dashboard's stop: ends the process gracefully and keeps it stopped until <see cref="Resume"/>.</summary>
    public async Task HoldAsync()
    {
        lock (_control)
        {
            _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        await EndProcessAsync();
    }

    /// <summary>The dashboard's start: lets a project held by <see cref="HoldAsync"/> run again.</summary>
    public void Resume()
    {
        lock (_control)
        {
            _held?.TrySetResult();
            _held = null;
        }
    }

    /// <summary>SIGTERM lets the host run its shutdown (workers release their jobs); a kill follows after the grace period.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(ServerProcess.SigTerm, TimeSpan.FromSeconds(15));
        }
        status.State = ResourceState.Stopped;
        status.ProcessId = null;
    }

    private Task EndProcessAsync() =>
        _process is { HasExited: false } process ? process.StopAsync(ServerProcess.SigTerm, TimeSpan.FromSeconds(15)) : Task.CompletedTask;

    /// <summary>True when the process ended on a restart request (counted as a restart), or on a hold.</summary>
    private bool TakeRequestedRestart()
    {
        lock (_control)
        {
            if (_restartRequested)
            {
                _restartRequested = false;
                status.Restarts++;
                return true;
            }
            return _held is not null;
        }
    }

    private async Task<bool> WaitWhileHeldAsync(CancellationToken stopping)
    {
        TaskCompletionSource? held;
        lock (_control)
        {
            held = _held;
        }
        if (held is null)
        {
            return true;
        }
        status.State = ResourceState.Stopped;
        status.ProcessId = null;
        status.StartedAt = null;
        await held.Task.WaitAsync(stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !stopping.IsCancellationRequested;
    }

    private void Start()
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new InvalidOperationException($"{AssemblyPath} does not exist; build the solution first.");
        }
        var environment = ProjectEnvironment.ForRun(project, context)
            .Select(variable => KeyValuePair.Create(variable.Key, variable.Value));
        var logFile = Path.Combine(options.DataDirectory, "logs", project.Name + ".log");
        status.State = ResourceState.Starting;
        _process = ServerProcess.Start(
            "dotnet",
            [AssemblyPath],
            output =>
            {
                var line = AnsiEscapes.Strip(output);
                status.AddLine(line);
                lock (status)
                {
                    File.AppendAllText(logFile, line + Environment.NewLine);
                }
            },
            workingDirectory: ProjectDirectory,
            environment: environment,
            removeFromEnvironment: NotInherited);
        status.ProcessId = _process.Id;
        status.StartedAt = DateTimeOffset.UtcNow;
    }

    private async Task<bool> WaitUntilReadyAsync(CancellationToken stopping)
    {
        var url = context.Url(project.Name) + ServiceDefaults.Extensions.ReadyPath;
        while (!stopping.IsCancellationRequested && _process is { HasExited: false })
        {
            try
            {
                using var response = await http.GetAsync(url, stopping);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
                status.State = ResourceState.Unhealthy;
            }
            catch (HttpRequestException)
            {
                status.State = ResourceState.Starting;
            }
            catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
            {
                status.State = ResourceState.Unhealthy;
            }
            await Task.Delay(100, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        return false;
    }
}
