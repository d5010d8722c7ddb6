using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Platform.Testing.LocalServers;

/// <summary>A child process whose output lines go to a callback, stopped with a signal and a grace period.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Process _process;

    private ServerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Starts <paramref name="command"/>; when <paramref name="asUser"/> is set and we are root, as that user (PostgreSQL refuses root).</summary>
    public static ServerProcess Start(
        string command,
        IEnumerable<string> arguments,
        Action<string> onOutput,
        string? workingDirectory = null,
        IEnumerable<KeyValuePair<string, string>>? environment = null,
        IEnumerable<string>? removeFromEnvironment = null,
        string? asUser = null)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (asUser is not null && IsRoot)
        {
            // setpriv execs in place, so the process id we hold is the server's own and signals reach it directly.
            startInfo.FileName = "setpriv";
            foreach (var argument in (string[])[$"--reuid={asUser}", $"--regid={asUser}", "--init-groups", "--", command])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            startInfo.FileName = command;
        }
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var name in removeFromEnvironment ?? [])
        {
            startInfo.Environment.Remove(name);
        }
        foreach (var (key, value) in environment ?? [])
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Forward(line.Data, onOutput);
        process.ErrorDataReceived += (_, line) => Forward(line.Data, onOutput);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process);
    }

    /// <summary>Sends <paramref name="signal"/> and waits; kills the process tree when the grace period runs out.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }
        Signal(_process.Id, signal);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(SigTerm, TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    public static bool Signal(int processId, int signal) => SendSignal(processId, signal) == 0;

    public static bool IsAlive(int processId) => SendSignal(processId, 0) == 0;

    private static void Forward(string? line, Action<string> onOutput)
    {
        if (line is not null)
        {
            onOutput(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
