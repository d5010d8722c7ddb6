using Npgsql;

namespace Platform.Testing.LocalServers;

/// <summary>
/// A PostgreSQL server run from the machine's binaries: <c>initdb</c> on first use, then <c>postgres</c> listening on
/// loopback only. As root both run as the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string ServerUser = "postgres";
    private readonly ServerProcess _process;

    private LocalPostgres(ServerProcess process, int port, string password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string ConnectionString(string? database = null) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password}" + (database is null ? "" : $";Database={database}");

    /// <summary>Initializes <paramref name="dataDirectory"/> when empty, starts the server and waits until it accepts connections.</summary>
    public static async Task<LocalPostgres> StartAsync(
        string dataDirectory, int port, string password, Action<string> onOutput, bool durable, CancellationToken cancellationToken)
    {
        dataDirectory = Path.GetFullPath(dataDirectory);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(dataDirectory, password, onOutput, durable, cancellationToken);
        }
        await StopLeftoverServerAsync(dataDirectory);

        string[] settings = durable
            ? []
            : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
        var process = ServerProcess.Start(
            Executables.FindPostgres("postgres"),
            [
                "-D", dataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=400",
                .. settings,
            ],
            onOutput,
            asUser: ServerUser);
        var server = new LocalPostgres(process, port, password);
        await server.WaitUntilReadyAsync(cancellationToken);
        return server;
    }

    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var answered = await Eventually.ReturnsAsync(
            () => AcceptsConnectionsAsync(cancellationToken), accepts => accepts || _process.HasExited,
            TimeSpan.FromSeconds(60), "PostgreSQL to accept connections");
        if (!answered)
        {
            throw new InvalidOperationException($"PostgreSQL exited with code {_process.ExitCode} while starting; see its log lines.");
        }
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false;Timeout=2");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>Fast shutdown (SIGINT): active transactions are rolled back and the server exits cleanly.</summary>
    public Task StopAsync() => _process.StopAsync(ServerProcess.SigInt, TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _process.DisposeAsync();
    }

    private static async Task InitializeAsync(
        string dataDirectory, string password, Action<string> onOutput, bool durable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = dataDirectory.TrimEnd('/') + ".pwfile";
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            if (ServerProcess.IsRoot)
            {
                await RunAsync("chown", [$"{ServerUser}:{ServerUser}", dataDirectory, passwordFile], onOutput, null, cancellationToken);
            }
            await RunAsync(
                Executables.FindPostgres("initdb"),
                [
                    "-D", dataDirectory, "-U", "postgres", "-A", "scram-sha-256", $"--pwfile={passwordFile}",
                    "-E", "UTF8", "--locale=C", .. durable ? Array.Empty<string>() : ["--no-sync"],
                ],
                onOutput, ServerUser, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task RunAsync(
        string command, string[] arguments, Action<string> onOutput, string? asUser, CancellationToken cancellationToken)
    {
        var process = ServerProcess.Start(command, arguments, onOutput, asUser: asUser);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Path.GetFileName(command)}' failed with exit code {process.ExitCode}.");
        }
    }

    /// <summary>A server left running on this data directory by a process that died is ours to stop before starting anew.</summary>
    private static async Task StopLeftoverServerAsync(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) || !ServerProcess.IsAlive(pid))
        {
            return;
        }
        ServerProcess.Signal(pid, ServerProcess.SigInt);
        await Eventually.ReturnsAsync(
            () => Task.FromResult(ServerProcess.IsAlive(pid)), alive => !alive, TimeSpan.FromSeconds(30), $"the leftover PostgreSQL {pid} to stop");
    }
}
