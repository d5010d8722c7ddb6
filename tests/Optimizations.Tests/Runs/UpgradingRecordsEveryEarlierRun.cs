using Dapper;
using Npgsql;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Runs;

/// <summary>
/// The migration that makes runs records of their own, applied to a database written by the service before it: every
/// optimization that ran gets its run with its outcome, and every result and chunk belongs to that run.
/// </summary>
public sealed class UpgradingRecordsEveryEarlierRun
{
    [Fact]
    public async Task EarlierRunsResultsAndChunksAreKept()
    {
        var servers = await TestServers.GetAsync();
        var database = TestDatabase.NewName("runs_upgrade");
        await TestDatabase.CreateAsync(servers.PostgresConnectionString, database, CancellationToken.None);
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(servers.PostgresConnectionString, database));
        var scripts = MigrationScripts.All();
        foreach (var script in scripts.Take(4))
        {
            await connection.ExecuteAsync(script.Text);
        }
        var grid = await InsertAsync(connection, "grid", "completed", combinationsDone: 3, chunksDone: 1);
        var walk = await InsertAsync(connection, "walk_forward", "failed", combinationsDone: 0, chunksDone: 2);
        var never = await InsertAsync(connection, null, "queued", combinationsDone: 0, chunksDone: 0);
        await connection.ExecuteAsync(
            """
            INSERT INTO optimization_results (optimization_id, params, score, metrics)
            SELECT @Id, jsonb_build_object('fast', n), n, '{}' FROM generate_series(1, 3) AS n;
            INSERT INTO optimization_chunks (optimization_id, job_id, chunk_no, first_index, end_index, status)
            SELECT id, job_id, 0, 0, 3, 'done' FROM optimizations WHERE id = @Id;
            """,
            new { Id = grid });

        await connection.ExecuteAsync(scripts[4].Text);

        var runs = (await connection.QueryAsync<(long OptimizationId, string Kind, string Status, int Done, int Total, string? BestParams)>(
            "SELECT optimization_id, kind, status, done, total, best_params::text FROM optimization_runs ORDER BY optimization_id")).ToList();
        Assert.Equal([(grid, "grid", "completed", 3, 9, """{"fast": 2}"""), (walk, "walk_forward", "failed", 2, 5, """{"fast": 2}""")], runs);
        Assert.DoesNotContain(runs, run => run.OptimizationId == never);
        var gridRun = await connection.QuerySingleAsync<long>("SELECT id FROM optimization_runs WHERE optimization_id = @Id", new { Id = grid });
        Assert.Equal([gridRun, gridRun, gridRun], await connection.QueryAsync<long>("SELECT run_id FROM optimization_results ORDER BY id"));
        Assert.Equal(gridRun, await connection.QuerySingleAsync<long>("SELECT run_id FROM optimization_chunks"));
        Assert.Equal(
            "settings",
            await connection.QuerySingleAsync<string>(
                "SELECT CASE WHEN settings ? 'objective' AND settings ? 'param_ranges' THEN 'settings' ELSE settings::text END FROM optimization_runs WHERE id = @Id",
                new { Id = gridRun }));
    }

    private static Task<long> InsertAsync(NpgsqlConnection connection, string? runType, string status, int combinationsDone, int chunksDone) =>
        connection.QuerySingleAsync<long>(
            """
            INSERT INTO optimizations (strategy_id, optimization_type, symbol, timeframe, start_date, end_date, param_ranges, metric, initial_capital,
                                       total_combinations, status, best_params, best_score, objective, job_id, run_type, combinations_done,
                                       chunks_total, chunks_done)
            VALUES (1, 'grid_search', 'BTCUSDT', '60', '2024-01-01', '2024-02-01', '{"fast": [1, 2, 3]}', 'total_return', 10000,
                    9, @Status, '{"fast": 2}', 1.5, '{"metric": "total_return"}', CASE WHEN @RunType IS NULL THEN NULL ELSE gen_random_uuid() END,
                    @RunType, @CombinationsDone, 5, @ChunksDone)
            RETURNING id
            """,
            new { RunType = runType, Status = status, CombinationsDone = combinationsDone, ChunksDone = chunksDone });
}
