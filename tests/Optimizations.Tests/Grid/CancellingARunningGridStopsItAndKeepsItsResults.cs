using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Optimizations.Grid;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Optimizations.Tests.Grid;

/// <summary>Chunks of 800 combinations, seconds long on minute bars, so that a cancel lands in the middle of one; the host's logs are kept.</summary>
public sealed class LargeChunksOptimizationsFactory : OptimizationsFactory
{
    public const int ChunkSize = 800;

    public CapturedLogs Logs { get; } = new();

    protected override void Configure() => Set("Optimizations:Grid:ChunkSize", $"{ChunkSize}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>
/// Cancelling a running grid (docs/api-behaviour.md, 3.7): the chunk in hand stops within <see cref="GridWorker.StopPoll"/>, the
/// heartbeat that finds its run cancelled, and the chunks already written stay. The class runs alone: the other classes'
/// engines would otherwise hold the cores that the heartbeat needs, and the stop would be timed against their load.
/// </summary>
[Collection(nameof(CancellingARunningGridStopsItAndKeepsItsResults))]
public sealed class CancellingARunningGridStopsItAndKeepsItsResults(LargeChunksOptimizationsFactory factory, ITestOutputHelper output)
    : IClassFixture<LargeChunksOptimizationsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // A chunk of 800 combinations on 86,400 minute bars, after the candles' first backfill, takes seconds alone and much
    // longer beside another test project: only the stop after the cancel is timed, so the set-up may take its time.
    private static readonly TimeSpan FirstChunkTimeout = TimeSpan.FromMinutes(4);

    // How late a heartbeat tick may run on a loaded machine, plus the engine reaching its next cancellation check.
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task TheChunkInHandStopsWithinTheStopPollAndFinishedChunksStay()
    {
        var client = factory.CreateClient();
        var body = OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, "cancel-running"), hours: 24 * 60);
        body["timeframe"] = "1";
        body["param_ranges"] = new JsonObject
        {
            ["fast"] = new JsonObject { ["min"] = 2, ["max"] = 121 },
            ["slow"] = new JsonObject { ["min"] = 100, ["max"] = 290, ["step"] = 10 },
        };
        var id = (await OptimizationRequests.CreateAsync(client, body)).GetProperty("id").GetInt64();
        using (await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject()))
        {
        }
        await Eventually.ReturnsAsync(
            async () => (Done: await ChunksAsync(id, "done"), Running: await ChunksAsync(id, "running")),
            chunks => chunks is { Done: >= 1, Running: 1 },
            FirstChunkTimeout,
            "a first chunk done and the next one in hand");

        using var cancelled = await client.PostAsync($"/api/v1/optimizations/{id}/cancel", null);
        // The stop poll counts from the cancel's commit, which its answer follows.
        var clock = Stopwatch.StartNew();
        await Eventually.ReturnsAsync(
            () => Task.FromResult(factory.Logs.Entries.Any(entry => entry.Category == typeof(GridWorker).FullName && entry.Message.Contains("stopped: it was cancelled", StringComparison.Ordinal))),
            seen => seen,
            Timeout,
            "the chunk in hand to stop");
        clock.Stop();
        output.WriteLine($"stopped {clock.Elapsed.TotalMilliseconds:F0} ms after the cancel");
        if (clock.Elapsed > GridWorker.StopPoll + Tolerance)
        {
            // What the workers said, in order, to tell a late heartbeat from a chunk that could not be stopped.
            foreach (var entry in factory.Logs.Entries.Where(entry => entry.Level >= LogLevel.Information && entry.Category.StartsWith("Platform.", StringComparison.Ordinal)))
            {
                output.WriteLine($"{entry.Level} {entry.Category}: {entry.Message}");
            }
        }
        var after = await OptimizationRequests.GetAsync(client, id);
        var kept = await ResultsAsync(id);

        Assert.True(cancelled.IsSuccessStatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, GridWorker.StopPoll + Tolerance);
        Assert.Equal("cancelled", after.GetProperty("status").GetString());
        var chunksDone = after.GetProperty("progress").GetProperty("chunks_done").GetInt32();
        var chunksTotal = after.GetProperty("progress").GetProperty("chunks_total").GetInt32();
        Assert.InRange(chunksDone, 1, chunksTotal - 1);
        Assert.Equal(chunksDone * LargeChunksOptimizationsFactory.ChunkSize, kept);
        Assert.Equal(kept, after.GetProperty("progress").GetProperty("combinations_done").GetInt32());
        Assert.Equal(chunksDone, await ChunksAsync(id, "done"));
        Assert.Equal(chunksTotal - chunksDone, await ChunksAsync(id, "cancelled"));
    }

    private async Task<long> ResultsAsync(long id)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM optimization_results WHERE optimization_id = @Id", new { Id = id });
    }

    private async Task<long> ChunksAsync(long id, string status)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM optimization_chunks WHERE optimization_id = @Id AND status = @Status", new { Id = id, Status = status });
    }
}

[CollectionDefinition(nameof(CancellingARunningGridStopsItAndKeepsItsResults), DisableParallelization = true)]
public sealed class CancellingARunningGridRunsAlone;
