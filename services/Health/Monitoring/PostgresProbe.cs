using Npgsql;

namespace Platform.Health.Monitoring;

/// <summary><c>SELECT 1</c> through the registered data source.</summary>
internal sealed class PostgresProbe(NpgsqlDataSource dataSource) : IDatabaseProbe
{
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
