using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Platform.Testing.LocalServers;

/// <summary>A <c>redis-server</c> on loopback with a password; persistence (AOF and snapshots) when durable.</summary>
public sealed class LocalRedis : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private LocalRedis(ServerProcess process, int port, string password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>StackExchange.Redis form, as Aspire 9.2+ writes it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={Password}";

    public static async Task<LocalRedis> StartAsync(
        string dataDirectory, int port, string password, Action<string> onOutput, bool durable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        string[] persistence = durable ? ["--appendonly", "yes", "--save", "60 1"] : ["--appendonly", "no", "--save", ""];
        var process = ServerProcess.Start(
            Executables.FindRedis(),
            [
                "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", Path.GetFullPath(dataDirectory),
                "--requirepass", password, "--daemonize", "no", "--logfile", "", .. persistence,
            ],
            onOutput);
        var server = new LocalRedis(process, port, password);
        await server.WaitUntilReadyAsync(cancellationToken);
        return server;
    }

    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var answered = await Eventually.ReturnsAsync(
            () => PingAsync(cancellationToken), pong => pong || _process.HasExited, TimeSpan.FromSeconds(30), "redis-server to answer PING");
        if (!answered)
        {
            throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} while starting; see its log lines.");
        }
    }

    /// <summary>Speaks RESP directly so that readiness needs no client library state.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {Password}\r\nPING\r\n"), cancellationToken);
            var buffer = new byte[64];
            var received = new StringBuilder();
            while (!received.ToString().Contains("PONG", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return false;
                }
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (received.ToString().Contains("-ERR", StringComparison.Ordinal) || received.ToString().Contains("-LOADING", StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM: Redis writes its snapshot (when persistence is on) and exits.</summary>
    public Task StopAsync() => _process.StopAsync(ServerProcess.SigTerm, TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _process.DisposeAsync();
    }
}
