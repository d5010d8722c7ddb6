using System.Net;
using Dapper;
using Npgsql;

namespace Platform.Optimizations.Tests;

public sealed class ServiceStartsWithItsSchema(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    [Fact]
    public async Task MigrationsCreateTheServiceTables()
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        var tables = await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schemaversions' ORDER BY table_name");

        Assert.Equal(["optimization_chunks", "optimization_results", "optimization_runs", "optimizations"], tables);
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
