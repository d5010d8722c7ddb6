using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Npgsql;
using Platform.ServiceDefaults.Data;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

public sealed class MigrationsApplyOnceUnderAdvisoryLock
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ASecondStartFindsTheSchemaCurrentAndAppliesNothing()
    {
        var connectionString = await NewDatabaseAsync();

        await using (var first = await StartAsync(connectionString))
        {
            await ServiceFactory<MigrationsApplyOnceUnderAdvisoryLock>.WaitUntilReadyAsync(first.GetTestClient(), Timeout);
        }
        await using var second = await StartAsync(connectionString);
        await ServiceFactory<MigrationsApplyOnceUnderAdvisoryLock>.WaitUntilReadyAsync(second.GetTestClient(), Timeout);

        await AssertAppliedOnceAsync(connectionString);
    }

    [Fact]
    public async Task ReplicasStartingTogetherCreateTheDatabaseAndApplyEachScriptOnce()
    {
        var connectionString = await NewDatabaseAsync(create: false);

        var replicas = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => StartAsync(connectionString)));
        try
        {
            await Task.WhenAll(replicas.Select(replica =>
                ServiceFactory<MigrationsApplyOnceUnderAdvisoryLock>.WaitUntilReadyAsync(replica.GetTestClient(), Timeout)));
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }

        await AssertAppliedOnceAsync(connectionString);
    }

    private static async Task<string> NewDatabaseAsync(bool create = true)
    {
        var servers = await TestServers.GetAsync();
        var database = TestDatabase.NewName("migrations");
        if (create)
        {
            await TestDatabase.CreateAsync(servers.PostgresConnectionString, database, CancellationToken.None);
        }
        return TestDatabase.ConnectionString(servers.PostgresConnectionString, database);
    }

    private static Task<WebApplication> StartAsync(string connectionString) =>
        TestHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:widgetsdb"] = connectionString },
            builder => builder.AddPostgresDatabase("widgetsdb", typeof(MigrationsApplyOnceUnderAdvisoryLock).Assembly));

    private static async Task AssertAppliedOnceAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var scripts = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions ORDER BY scriptname")).ToList();
        Assert.Equal(
            [
                "Platform.ServiceDefaults.Tests.Migrations.0001_create_widgets.sql",
                "Platform.ServiceDefaults.Tests.Migrations.0002_seed_widgets.sql",
                "Platform.ServiceDefaults.Tests.Migrations.0003_create_test_jobs.sql",
            ],
            scripts);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM widgets"));
    }
}
