using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Grid;

public sealed class CancellingARunningGridStopsItAndKeepsItsResults(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task NoChunkRunsAfterTheCancelAndFinishedOnesStay()
    {
        var client = factory.CreateClient();
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "cancel-running"), hours: 24 * 60);
        body["timeframe"] = "5";
        body["param_ranges"] = new JsonObject
        {
            ["fast"] = new JsonObject { ["min"] = 2, ["max"] = 81 },
            ["slow"] = new JsonObject { ["min"] = 100, ["max"] = 290, ["step"] = 10 },
        };
        var id = (await OptimizationRequests.CreateAsync(client, body)).GetProperty("id").GetInt64();

        // 1,600 combinations: enough that the run is still going when the first chunk is seen, even on a fast machine.
        await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject());
        await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("progress").GetProperty("chunks_done").GetInt32() >= 1, Timeout, "a first chunk");
        using var cancelled = await client.PostAsync($"/api/v1/optimizations/{id}/cancel", null);
        await Eventually.ReturnsAsync(RunningChunksAsync, running => running == 0, TimeSpan.FromSeconds(10), "running chunks to stop");
        var kept = await ResultsAsync();
        var after = await OptimizationRequests.GetAsync(client, id);

        Assert.True(cancelled.IsSuccessStatusCode);
        Assert.Equal("cancelled", after.GetProperty("status").GetString());
        Assert.InRange(kept, 4, 1599);
        Assert.Equal(kept, after.GetProperty("progress").GetProperty("combinations_done").GetInt32());
        Assert.Equal(kept, await ResultsAsync());

        async Task<long> RunningChunksAsync()
        {
            await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
            return await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM optimization_chunks WHERE optimization_id = @Id AND status = 'running' AND claimed_by IS NOT NULL AND heartbeat_at > now() - interval '2 seconds'",
                new { Id = id });
        }

        async Task<long> ResultsAsync()
        {
            await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
            return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM optimization_results WHERE optimization_id = @Id", new { Id = id });
        }
    }
}
