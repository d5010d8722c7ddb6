using Npgsql;

namespace Platform.Testing;

/// <summary>Names for a test class's own empty database and Redis key prefix, so classes run in parallel.</summary>
public static class TestDatabase
{
    public static string NewName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];

    public static string ConnectionString(string serverConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;

    public static Task CreateAsync(string serverConnectionString, string database, CancellationToken cancellationToken) =>
        LocalServers.DatabaseCreator.EnsureAsync(ConnectionString(serverConnectionString, database), cancellationToken);
}
