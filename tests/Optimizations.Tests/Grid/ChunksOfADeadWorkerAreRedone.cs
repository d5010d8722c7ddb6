using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.Optimizations.Tests.Grid;

public sealed class ChunksOfADeadWorkerAreRedone(ApiOnlyOptimizationsFactory factory) : IClassFixture<ApiOnlyOptimizationsFactory>
{
    [Fact]
    public async Task EveryCombinationIsCountedOnceAfterAWorkerDiesHoldingChunks()
    {
        var client = factory.CreateClient();
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "dead-worker"));
        body["param_ranges"] = new JsonObject
        {
            ["fast"] = new JsonObject { ["min"] = 2, ["max"] = 9 },
            ["slow"] = new JsonObject { ["min"] = 10, ["max"] = 40, ["step"] = 10 },
        };
        var id = (await OptimizationRequests.CreateAsync(client, body)).GetProperty("id").GetInt64();
        using (await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject()))
        {
        }
        // A worker that took three chunks and died: their entries are pending under its name, their claims never renewed.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(factory.Servers.RedisConnectionString);
        var key = $"{factory.KeyPrefix}optimizations:chunks";
        try
        {
            await redis.GetDatabase().StreamCreateConsumerGroupAsync(key, "workers", StreamPosition.Beginning);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The service's reconciler created it first.
        }
        var taken = await redis.GetDatabase().StreamReadGroupAsync(key, "workers", "dead-worker", StreamPosition.NewMessages, 3);
        await using (var connection = new NpgsqlConnection(factory.DatabaseConnectionString))
        {
            await connection.ExecuteAsync(
                "UPDATE optimization_chunks SET status = 'running', claimed_by = 'dead-worker', heartbeat_at = now(), lease_until = now() + interval '1 second', attempts = 1 WHERE id = ANY(@Ids)",
                new { Ids = taken.Select(entry => long.Parse((string)entry["job"]!, System.Globalization.CultureInfo.InvariantCulture)).ToArray() });
        }

        await using var worker = await factory.StartReplicaAsync(("Optimizations:Grid:Concurrency", "1"));
        var done = await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(60), "the grid to complete");

        await using var check = new NpgsqlConnection(factory.DatabaseConnectionString);
        Assert.Equal(32, done.GetProperty("total_combinations").GetInt32());
        Assert.Equal(32, done.GetProperty("progress").GetProperty("combinations_done").GetInt32());
        Assert.Equal(32, await check.ExecuteScalarAsync<long>("SELECT count(DISTINCT params) FROM optimization_results WHERE optimization_id = @Id", new { Id = id }));
        Assert.Equal(32, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM optimization_results WHERE optimization_id = @Id", new { Id = id }));
        Assert.Equal(8, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM optimization_chunks WHERE optimization_id = @Id AND status = 'done'", new { Id = id }));
    }
}
