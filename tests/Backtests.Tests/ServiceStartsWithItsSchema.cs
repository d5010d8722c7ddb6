using System.Net;
using Dapper;
using Npgsql;

namespace Platform.Backtests.Tests;

public sealed class ServiceStartsWithItsSchema(BacktestsFactory factory) : IClassFixture<BacktestsFactory>
{
    [Fact]
    public async Task MigrationsCreateTheServiceTables()
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        var tables = await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schemaversions' ORDER BY table_name");

        Assert.Equal(["backtests", "equity_curves", "strategies", "strategy_versions", "trades"], tables);
    }

    [Fact]
    public async Task ReadinessAndTheOpenApiDocumentAnswer()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
