using Dapper;
using Npgsql;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Runs;

/// <summary>
/// Migration 0007 changes what a grid chunk's indices count (positions of the whole space, not valid combinations): a grid
/// run still queued or running when it applies ends failed, with a message to start it again, and its unfinished chunks are
/// cancelled; finished runs and other kinds of run are left as they are.
/// </summary>
public sealed class UpgradingStopsGridsCutTheOldWay
{
    [Fact]
    public async Task ARunningGridEndsFailedAndItsUnfinishedChunksCancelled()
    {
        var servers = await TestServers.GetAsync();
        var database = TestDatabase.NewName("grid_chunks_upgrade");
        await TestDatabase.CreateAsync(servers.PostgresConnectionString, database, CancellationToken.None);
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(servers.PostgresConnectionString, database));
        var scripts = MigrationScripts.All();
        foreach (var script in scripts.Where(script => string.CompareOrdinal(Number(script.Name), "0007") < 0))
        {
            await connection.ExecuteAsync(script.Text);
        }
        var running = await InsertAsync(connection, "grid", "running");
        var completed = await InsertAsync(connection, "grid", "completed");
        var walkForward = await InsertAsync(connection, "walk_forward", "running");

        await connection.ExecuteAsync(scripts.Single(script => Number(script.Name) == "0007").Text);

        var optimizations = (await connection.QueryAsync<(long Id, string Status, string? Error)>(
            "SELECT id, status, error_message FROM optimizations ORDER BY id")).ToList();
        Assert.Equal(
            [(running, "failed"), (completed, "completed"), (walkForward, "running")],
            optimizations.Select(optimization => (optimization.Id, optimization.Status)));
        Assert.Contains("start the run again", optimizations[0].Error, StringComparison.Ordinal);
        Assert.Equal(
            [(running, "done"), (running, "cancelled"), (running, "cancelled"), (completed, "done"), (completed, "done"), (completed, "done"),
             (walkForward, "done"), (walkForward, "running"), (walkForward, "queued")],
            await connection.QueryAsync<(long, string)>("SELECT optimization_id, status FROM optimization_chunks ORDER BY optimization_id, chunk_no"));
        Assert.Equal(
            [(running, "failed"), (completed, "completed"), (walkForward, "running")],
            await connection.QueryAsync<(long, string)>("SELECT optimization_id, status FROM optimization_runs ORDER BY optimization_id"));
    }

    private static string Number(string name) => name[(name.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..][..4];

    /// <summary>An optimization with a run of <paramref name="runType"/> in <paramref name="status"/>, and three chunks: done, running and queued (all done once completed).</summary>
    private static Task<long> InsertAsync(NpgsqlConnection connection, string runType, string status) =>
        connection.QuerySingleAsync<long>(
            """
            WITH optimization AS (
                INSERT INTO optimizations (strategy_id, optimization_type, symbol, timeframe, start_date, end_date, param_ranges, metric,
                                           initial_capital, total_combinations, status, objective, job_id, run_type, chunks_total)
                VALUES (1, 'grid_search', 'BTCUSDT', '60', '2024-01-01', '2024-02-01', '{"fast": [1, 2, 3]}', 'total_return', 10000, 9, @Status,
                        '{"metric": "total_return"}', gen_random_uuid(), @RunType, 3)
                RETURNING id, job_id),
            run AS (
                INSERT INTO optimization_runs (optimization_id, kind, job_id, settings, status, total)
                SELECT id, @RunType, job_id, '{}', @Status, 9 FROM optimization
                RETURNING id, optimization_id, job_id),
            chunks AS (
                INSERT INTO optimization_chunks (optimization_id, run_id, job_id, chunk_no, first_index, end_index, status)
                SELECT run.optimization_id, run.id, run.job_id, n, n * 3, n * 3 + 3,
                       CASE WHEN @Status = 'completed' OR n = 0 THEN 'done' WHEN n = 1 THEN 'running' ELSE 'queued' END
                FROM run, generate_series(0, 2) AS n)
            SELECT id FROM optimization
            """,
            new { RunType = runType, Status = status });
}
