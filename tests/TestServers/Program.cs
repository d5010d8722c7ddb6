using System.Runtime.InteropServices;
using Platform.Testing;

// Starts the PostgreSQL and Redis servers that a whole test run shares, writes their connection strings as an env file
// for the test command, and removes them on SIGTERM or Ctrl+C.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: TestServers <env file to write>");
    return 2;
}

using var stopping = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stopping.Cancel(); });

await using var servers = await ThrowawayServers.StartAsync(stopping.Token);
var temporary = args[0] + ".tmp";
await File.WriteAllLinesAsync(temporary,
[
    $"{TestServers.PostgresVariable}='{servers.Postgres.ConnectionString()}'",
    $"{TestServers.RedisVariable}='{servers.Redis.ConnectionString}'",
]);
File.Move(temporary, args[0], overwrite: true);
Console.WriteLine($"Test servers: PostgreSQL on port {servers.Postgres.Port}, Redis on port {servers.Redis.Port}");
await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
return 0;
