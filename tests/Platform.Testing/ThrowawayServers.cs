using System.Security.Cryptography;
using Platform.Testing.LocalServers;

namespace Platform.Testing;

/// <summary>
/// A PostgreSQL and a Redis server of a test's own, on free ports, with data in a temporary directory that is removed
/// with them. Tests that stop a server use these, so the servers other tests share are never touched.
/// </summary>
public sealed class ThrowawayServers : IAsyncDisposable
{
    private readonly string _directory;

    private ThrowawayServers(string directory, LocalPostgres postgres, LocalRedis redis)
    {
        _directory = directory;
        Postgres = postgres;
        Redis = redis;
    }

    public LocalPostgres Postgres { get; private set; }

    public LocalRedis Redis { get; private set; }

    public string DataDirectory => _directory;

    public static async Task<ThrowawayServers> StartAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("platform-test-").FullName;
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var postgresTask = LocalPostgres.StartAsync(
            Path.Combine(directory, "postgres"), FreePort.Next(), password, _ => { }, durable: false, cancellationToken);
        var redisTask = LocalRedis.StartAsync(
            Path.Combine(directory, "redis"), FreePort.Next(), password, _ => { }, durable: false, cancellationToken);
        return new ThrowawayServers(directory, await postgresTask, await redisTask);
    }

    /// <summary>Starts PostgreSQL again on the same port and data after <see cref="LocalPostgres.StopAsync"/>.</summary>
    public async Task RestartPostgresAsync(CancellationToken cancellationToken)
    {
        await Postgres.DisposeAsync();
        Postgres = await LocalPostgres.StartAsync(
            Path.Combine(_directory, "postgres"), Postgres.Port, Postgres.Password, _ => { }, durable: false, cancellationToken);
    }

    /// <summary>Starts Redis again on the same port after <see cref="LocalRedis.StopAsync"/>.</summary>
    public async Task RestartRedisAsync(CancellationToken cancellationToken)
    {
        await Redis.DisposeAsync();
        Redis = await LocalRedis.StartAsync(
            Path.Combine(_directory, "redis"), Redis.Port, Redis.Password, _ => { }, durable: false, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Postgres.DisposeAsync().AsTask(), Redis.DisposeAsync().AsTask());
        Directory.Delete(_directory, recursive: true);
    }
}
