using Platform.Testing.LocalServers;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace Platform.Testing;

/// <summary>
/// The PostgreSQL and Redis servers that a test run shares, found in this order (docs/architecture.md, 7):
/// <c>PLATFORM_TEST_POSTGRES</c> / <c>PLATFORM_TEST_REDIS</c> connection strings from the environment (the test command
/// starts one pair for the whole run), else throwaway local servers on free ports started once per test process, else
/// Testcontainers when a Docker engine answers.
/// </summary>
public sealed class TestServers
{
    public const string PostgresVariable = "PLATFORM_TEST_POSTGRES";
    public const string RedisVariable = "PLATFORM_TEST_REDIS";

    private static readonly Lazy<Task<TestServers>> Shared = new(StartAsync);

    private TestServers(string postgres, string redis)
    {
        PostgresConnectionString = postgres;
        RedisConnectionString = redis;
    }

    /// <summary>Connection string of the server, without a database.</summary>
    public string PostgresConnectionString { get; }

    public string RedisConnectionString { get; }

    public static Task<TestServers> GetAsync() => Shared.Value;

    private static async Task<TestServers> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(redis))
        {
            return new TestServers(postgres, redis);
        }
        if (HasLocalBinaries())
        {
            var servers = await ThrowawayServers.StartAsync(CancellationToken.None);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => servers.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new TestServers(servers.Postgres.ConnectionString(), servers.Redis.ConnectionString);
        }
        return await StartContainersAsync();
    }

    private static bool HasLocalBinaries()
    {
        try
        {
            Executables.FindPostgres("postgres");
            Executables.FindRedis();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<TestServers> StartContainersAsync()
    {
        var postgres = new PostgreSqlBuilder("docker.io/library/postgres:17.6").Build();
        var redis = new RedisBuilder("docker.io/library/redis:8.2").Build();
        await Task.WhenAll(postgres.StartAsync(), redis.StartAsync());
        var server = new Npgsql.NpgsqlConnectionStringBuilder(postgres.GetConnectionString()) { Database = null };
        return new TestServers(server.ConnectionString, redis.GetConnectionString());
    }
}
