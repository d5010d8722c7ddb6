using Platform.Testing;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;

namespace Platform.Health.Tests;

/// <summary>
/// A service with a real data source (ServiceDefaults' own registration and <c>/internal/db-pool</c>) stands in for backtests;
/// the test holds connections open through that data source and watches the figures move.
/// </summary>
public sealed class DbPoolFiguresMoveUnderLoad(HealthFactory factory, PlatformStubs stubs)
    : IClassFixture<HealthFactory>, IClassFixture<PlatformStubs>
{
    [Fact]
    public async Task HeldConnectionsRaiseUtilizationToWarning()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration[$"ConnectionStrings:{ResourceNames.BacktestsDb}"] =
            new NpgsqlConnectionStringBuilder(factory.Servers.PostgresConnectionString) { Database = "postgres", MaxPoolSize = 10 }.ConnectionString;
        builder.AddServiceDefaults();
        builder.AddPostgresDatabase(ResourceNames.BacktestsDb);
        await using var service = builder.Build();
        service.MapDefaultEndpoints();
        await service.StartAsync();
        await using var health = stubs.HealthService(factory, ($"services:{ResourceNames.Backtests}:http:0", service.Urls.Single()));
        var client = health.CreateClient(Caller.Admin);
        var dataSource = service.Services.GetRequiredService<NpgsqlDataSource>();

        var held = new List<NpgsqlConnection>();
        for (var i = 0; i < 8; i++)
        {
            held.Add(await dataSource.OpenConnectionAsync());
        }
        var busy = await PoolOfBacktestsAsync(client);
        foreach (var connection in held)
        {
            await connection.DisposeAsync();
        }
        var released = await PoolOfBacktestsAsync(client);

        Assert.Equal(8, busy.GetProperty("checked_out").GetInt32());
        Assert.Equal(10, busy.GetProperty("size").GetInt32());
        Assert.Equal(80, busy.GetProperty("utilization").GetDouble());
        Assert.Equal("warning", busy.GetProperty("health").GetString());
        Assert.Equal(0, released.GetProperty("checked_out").GetInt32());
        Assert.Equal(8, released.GetProperty("checked_in").GetInt32());
        Assert.Equal("healthy", released.GetProperty("health").GetString());
    }

    private static async Task<JsonElement> PoolOfBacktestsAsync(HttpClient client)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var body = JsonDocument.Parse(await client.GetStringAsync("/api/v1/health/db_pool", cancellation.Token)).RootElement;
        return body.GetProperty("services").EnumerateArray()
            .Single(service => service.GetProperty("service").GetString() == ResourceNames.Backtests)
            .GetProperty("pool_status");
    }
}
