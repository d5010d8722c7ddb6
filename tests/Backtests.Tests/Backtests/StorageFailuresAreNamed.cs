using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;

namespace Platform.Backtests.Tests.Backtests;

public sealed class StorageFailuresAreNamed(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>
{
    [Fact]
    public async Task ReadsAndCreatesSayWhatFailedWhenTheDatabaseRefusesConnections()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, "storage-failure");
        var database = new NpgsqlConnectionStringBuilder(factory.DatabaseConnectionString).Database;
        await using var admin = new NpgsqlConnection(factory.Servers.PostgresConnectionString);
        await admin.ExecuteAsync($"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS false""");
        await admin.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @Database", new { Database = database });
        try
        {
            using var read = await client.GetAsync("/api/v1/backtests/1");
            using var create = await client.PostAsJsonAsync("/api/v1/backtests/", BacktestRequests.Backtest(strategyId));

            Assert.Equal(HttpStatusCode.InternalServerError, read.StatusCode);
            Assert.Contains("Failed to retrieve backtest", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.InternalServerError, create.StatusCode);
            Assert.Contains("Failed to create", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await admin.ExecuteAsync($"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS true""");
        }
    }
}
