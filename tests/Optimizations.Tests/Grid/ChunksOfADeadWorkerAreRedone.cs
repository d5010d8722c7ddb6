using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Grid;

/// <summary>
/// A grid worker process SIGKILLed while it holds chunks (docs/architecture.md, 3): its claims are taken over once their
/// lease runs out, and every chunk is written exactly once, by the survivor.
/// </summary>
public sealed class ChunksOfADeadWorkerAreRedone(ApiOnlyOptimizationsFactory factory) : IClassFixture<ApiOnlyOptimizationsFactory>
{
    private const int Chunks = 8;
    private const int Combinations = 32;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryChunkIsDoneOnceByTheSurvivorAfterAWorkerProcessIsKilledHoldingTwo()
    {
        var client = factory.CreateClient();
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "dead-worker"));
        body["param_ranges"] = new JsonObject
        {
            ["fast"] = new JsonObject { ["min"] = 2, ["max"] = 9 },
            ["slow"] = new JsonObject { ["min"] = 10, ["max"] = 40, ["step"] = 10 },
        };
        var id = (await OptimizationRequests.CreateAsync(client, body)).GetProperty("id").GetInt64();
        // The victim's market data address accepts connections and never answers, so that it holds its chunks (claimed
        // and heartbeating) until the kill instead of racing them to completion.
        using var silentMarketData = new TcpListener(IPAddress.Loopback, 0);
        silentMarketData.Start();
        List<Chunk> held;
        var victim = await ServiceProcess.StartAsync("Optimizations", WorkerSettings($"http://127.0.0.1:{((IPEndPoint)silentMarketData.LocalEndpoint).Port}"));
        await using (victim)
        {
            using (var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject()))
            {
                Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            }
            held = await Eventually.ReturnsAsync(
                () => ChunksAsync(id),
                chunks => chunks.Count(chunk => chunk is { Status: "running", LeaseAlive: true } && IsHeldBy(chunk, victim.ProcessId)) == 2,
                Timeout,
                "the victim to hold two live claims");

            await victim.KillAsync();
        }
        var killedHolding = held.Where(chunk => chunk.Status == "running").Select(chunk => chunk.ChunkNo).ToList();

        await using var survivor = await factory.StartReplicaAsync(("Optimizations:Grid:Concurrency", "2"));
        var done = await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() is "completed" or "failed", Timeout, "the grid to end");
        var chunks = await ChunksAsync(id);
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        var results = (await connection.QueryAsync<string>("SELECT params::text FROM optimization_results WHERE optimization_id = @Id", new { Id = id })).ToList();

        Assert.Equal(Chunks - 2, held.Count(chunk => chunk.Status == "queued"));
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(Combinations, done.GetProperty("progress").GetProperty("combinations_done").GetInt32());
        Assert.Equal(Chunks, done.GetProperty("progress").GetProperty("chunks_done").GetInt32());
        Assert.Equal(Combinations, results.Count);
        Assert.Equal(Combinations, results.Distinct(StringComparer.Ordinal).Count());
        Assert.All(chunks, chunk =>
        {
            Assert.Equal("done", chunk.Status);
            Assert.True(IsHeldBy(chunk, Environment.ProcessId), $"chunk {chunk.ChunkNo} was finished by {chunk.ClaimedBy}");
        });
        Assert.Equal(killedHolding, chunks.Where(chunk => chunk.Attempts == 2).Select(chunk => chunk.ChunkNo));
        Assert.Equal(Chunks - 2, chunks.Count(chunk => chunk.Attempts == 1));
    }

    /// <summary>A grid worker on this class's database and Redis key prefix, with a short lease; no API calls go to it.</summary>
    private Dictionary<string, string?> WorkerSettings(string marketData) => new()
    {
        [$"ConnectionStrings:{ResourceNames.OptimizationsDb}"] = factory.DatabaseConnectionString!,
        [$"ConnectionStrings:{ResourceNames.Postgres}"] = factory.Servers.PostgresConnectionString,
        [$"ConnectionStrings:{ResourceNames.Redis}"] = factory.Servers.RedisConnectionString,
        ["Redis:KeyPrefix"] = factory.KeyPrefix,
        [$"services:{ResourceNames.MarketData}:http:0"] = marketData,
        [$"services:{ResourceNames.Backtests}:http:0"] = factory.Backtests.Address,
        ["Optimizations:Grid:Concurrency"] = "2",
        ["Optimizations:Grid:Lease"] = "00:00:02",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Claims name the machine, the process and the worker instance (<c>JobWorker.Consumer</c> in libraries/Platform.Jobs).</summary>
    private static bool IsHeldBy(Chunk chunk, int processId) =>
        chunk.ClaimedBy?.Split(':')[1] == processId.ToString(CultureInfo.InvariantCulture);

    private async Task<List<Chunk>> ChunksAsync(long id)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return (await connection.QueryAsync<Chunk>(
            """
            SELECT chunk_no AS ChunkNo, status AS Status, claimed_by AS ClaimedBy, attempts AS Attempts, coalesce(lease_until > now(), false) AS LeaseAlive
            FROM optimization_chunks WHERE optimization_id = @Id ORDER BY chunk_no
            """,
            new { Id = id })).AsList();
    }

    private sealed record Chunk(int ChunkNo, string Status, string? ClaimedBy, int Attempts, bool LeaseAlive);
}
