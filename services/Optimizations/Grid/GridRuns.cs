using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.Optimizations.Runs;
using Platform.Jobs;
using Microsoft.Extensions.Options;
using Platform.Optimizations.Overfitting;
using Platform.Optimizations.Search;

namespace Platform.Optimizations.Grid;

/// <summary>Grid runs in PostgreSQL: the run's record, its chunks (jobs), and per-chunk results written exactly once.</summary>
internal sealed class GridRuns(NpgsqlDataSource dataSource, IOptions<GridOptions> options)
{
    /// <summary>
    /// Starts a run: records it with its inputs and chunks, in one transaction; earlier runs keep their results. Null when
    /// a run of the optimization is still queued or running (or the optimization is gone). The chunks cut the space's
    /// <paramref name="spaceSize"/> positions, valid or not; <paramref name="combinations"/> of them are valid.
    /// </summary>
    public async Task<StartedGrid?> StartAsync(
        long id, RunSpec spec, string paramRanges, string? config, int combinations, long spaceSize, int chunkSize, int partitions,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var jobId = Guid.CreateVersion7();
        var chunks = checked((int)((spaceSize + chunkSize - 1) / chunkSize));
        var started = await connection.QuerySingleOrDefaultAsync<Optimization>(new CommandDefinition(
            $"""
            UPDATE optimizations
            SET status = 'queued', job_id = @JobId, run_type = 'grid', objective = @Spec::jsonb, param_ranges = @ParamRanges::jsonb,
                config = coalesce(@Config::jsonb, config), metric = @Metric, total_combinations = @Combinations,
                combinations_done = 0, chunks_total = @Chunks, chunks_done = 0, best_params = NULL, best_score = NULL,
                results = NULL, error_message = NULL, started_at = NULL, completed_at = NULL, updated_at = now()
            WHERE id = @Id AND NOT (status IN ('queued', 'running') AND job_id IS NOT NULL)
            RETURNING {OptimizationStore.Columns}
            """,
            new { Id = id, JobId = jobId, Spec = spec.ToJson(), ParamRanges = paramRanges, Config = config, spec.Metric, Combinations = combinations, Chunks = chunks },
            transaction,
            cancellationToken: cancellationToken));
        if (started is null)
        {
            return null;
        }
        var runId = await OptimizationRuns.InsertAsync(
            connection, transaction, started, RunKind.Grid, combinations, cancellationToken, new JsonObject { ["pbo_partitions"] = partitions });
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            """
            INSERT INTO optimization_chunks (optimization_id, run_id, job_id, chunk_no, first_index, end_index)
            SELECT @Id, @RunId, @JobId, n, n * @Size, least((n + 1) * @Size, @SpaceSize) FROM generate_series(0, @Chunks - 1) AS n
            RETURNING id
            """,
            new { Id = id, RunId = runId, JobId = jobId, Size = chunkSize, SpaceSize = checked((int)spaceSize), Chunks = chunks },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new StartedGrid(started, runId, ids.AsList());
    }

    /// <summary>
    /// The chunk columns of the job framework (docs/architecture.md, 3.2). A chunk is claimable only while its run is live
    /// (not cancelled, failed or replaced), so heartbeats stop a cancelled run's chunks; a chunk that fails fails its run.
    /// </summary>
    public static JobTable Table { get; } = new("optimization_chunks", JobKey.Int64)
    {
        Returning = "id, optimization_id, run_id, job_id, chunk_no, first_index, end_index, attempts, trials::text AS trials",
        Claimable = """
            EXISTS (SELECT 1 FROM optimizations o
                    WHERE o.id = optimization_chunks.optimization_id AND o.job_id = optimization_chunks.job_id AND o.status IN ('queued', 'running'))
            """,
        AfterFail = """
            UPDATE optimization_chunks SET status = 'cancelled', updated_at = now()
            WHERE job_id = (SELECT job_id FROM optimization_chunks WHERE id = @Id) AND status = 'queued';
            UPDATE optimizations o SET status = 'failed', error_message = @Error, completed_at = now(), updated_at = now()
            FROM optimization_chunks c
            WHERE c.id = @Id AND o.id = c.optimization_id AND o.job_id = c.job_id AND o.status IN ('queued', 'running');
            SELECT settle_optimization_run((SELECT job_id FROM optimization_chunks WHERE id = @Id));
            """,
    };

    /// <summary>
    /// Writes a chunk's results, marks it done, adds it to the run's progress and best, and after the run's last chunk
    /// completes a grid with its result document, or has a search propose its next batch: one transaction, refused when the
    /// chunk is no longer this worker's.
    /// </summary>
    public async Task<ChunkCompletion> CompleteAsync(
        GridChunk chunk, string owner, Objective objective, IReadOnlyList<GridResultRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The optimization first, then its chunk: a cancel takes them in this order too, so the two never deadlock.
        var current = await connection.QuerySingleOrDefaultAsync<(string Status, Guid? JobId, string? RunType, double? BestScore, string? BestParams)>(new CommandDefinition(
            "SELECT status, job_id, run_type, best_score, best_params::text FROM optimizations WHERE id = @Id FOR UPDATE",
            new { Id = chunk.OptimizationId },
            transaction,
            cancellationToken: cancellationToken));
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE optimization_chunks SET status = 'done', heartbeat_at = NULL, lease_until = NULL, updated_at = now() WHERE id = @Id AND claimed_by = @Owner AND status = 'running'",
            new { chunk.Id, Owner = owner },
            transaction,
            cancellationToken: cancellationToken));
        if (marked == 0 || current.JobId != chunk.JobId || !OptimizationStatus.IsActive(current.Status))
        {
            return ChunkCompletion.Refused;
        }
        await CopyResultsAsync(connection, chunk.OptimizationId, chunk.RunId, rows, cancellationToken);

        var best = rows.Where(row => row.Score is not null)
            .Select(row => (Score: row.Score!.Value, row.Params))
            .Append(current.BestScore is { } score ? (Score: score, Params: Canonical(current.BestParams!)) : default)
            .Where(candidate => candidate.Params is not null)
            .OrderBy(candidate => candidate, new BestFirst(objective))
            .FirstOrDefault();
        var finished = await connection.QuerySingleAsync<bool>(new CommandDefinition(
            """
            UPDATE optimizations
            SET combinations_done = combinations_done + @Count, chunks_done = chunks_done + 1, status = 'running',
                started_at = coalesce(started_at, now()), best_score = @BestScore, best_params = @BestParams::jsonb, updated_at = now()
            WHERE id = @Id
            RETURNING chunks_done = chunks_total
            """,
            new { Id = chunk.OptimizationId, rows.Count, BestScore = best.Params is null ? (double?)null : best.Score, BestParams = best.Params },
            transaction,
            cancellationToken: cancellationToken));
        IReadOnlyList<long> next = [];
        if (finished && current.RunType == RunKind.Search)
        {
            next = await SearchRuns.ContinueAsync(connection, transaction, chunk, options.Value.TrialsPerChunk, cancellationToken);
        }
        else if (finished)
        {
            var partitions = await connection.QuerySingleAsync<int?>(new CommandDefinition(
                "SELECT (settings ->> 'pbo_partitions')::int FROM optimization_runs WHERE id = @RunId", new { chunk.RunId }, transaction, cancellationToken: cancellationToken));
            await FinishAsync(connection, transaction, chunk, objective, partitions ?? BacktestOverfitting.DefaultPartitions, document =>
            {
                document["method"] = "grid_search";
            }, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ChunkCompletion(true, next);
    }

    /// <summary>
    /// Completes the run of <paramref name="chunk"/> with its result document: the best and top ten of its results, and the
    /// overfitting odds over their returns per period; <paramref name="describe"/> adds what is particular to its kind.
    /// </summary>
    internal static async Task FinishAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, GridChunk chunk, Objective objective, int partitions, Action<JsonObject> describe,
        CancellationToken cancellationToken)
    {
        var id = chunk.OptimizationId;
        var order = objective.Maximize ? "score DESC NULLS LAST" : "score ASC NULLS LAST";
        var top = (await connection.QueryAsync<(string Params, double? Score, string Metrics)>(new CommandDefinition(
            $"SELECT params::text, score, metrics::text FROM optimization_results WHERE run_id = @RunId ORDER BY {order}, params::text LIMIT 10",
            new { chunk.RunId },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        var returns = (await connection.QueryAsync<double[]>(new CommandDefinition(
            "SELECT period_returns FROM optimization_results WHERE run_id = @RunId AND period_returns IS NOT NULL ORDER BY id",
            new { chunk.RunId },
            transaction,
            cancellationToken: cancellationToken))).AsList();
        var optimization = await connection.QuerySingleAsync<Optimization>(new CommandDefinition(
            $"SELECT {OptimizationStore.Columns} FROM optimizations WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        var document = new JsonObject
        {
            ["method"] = null,
            ["metric"] = objective.Metric,
            ["direction"] = objective.Maximize ? "maximize" : "minimize",
            ["symbol"] = optimization.Symbol,
            ["interval"] = optimization.Timeframe,
            ["period"] = new JsonObject { ["start"] = optimization.StartDate.ToString("O"), ["end"] = optimization.EndDate.ToString("O") },
            ["total_combinations"] = optimization.TotalCombinations,
            ["best_params"] = optimization.BestParams is null ? null : JsonNode.Parse(optimization.BestParams),
            ["best_score"] = optimization.BestScore,
            ["best_metrics"] = top.FirstOrDefault(row => row.Score is not null) is { Metrics: not null } first ? JsonNode.Parse(first.Metrics) : null,
            ["top_10"] = new JsonArray([.. top.Select(row => (JsonNode)new JsonObject
            {
                ["params"] = JsonNode.Parse(row.Params),
                ["score"] = row.Score,
                ["metrics"] = JsonNode.Parse(row.Metrics),
            })]),
        };
        describe(document);
        document["overfitting"] = RunOverfitting.Assess(returns, partitions);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE optimizations SET status = 'completed', completed_at = now(), results = @Results::jsonb WHERE id = @Id;
            SELECT settle_optimization_run(@JobId);
            """,
            new { Id = id, Results = document.ToJsonString(), chunk.JobId },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static async Task CopyResultsAsync(
        NpgsqlConnection connection, long id, long runId, IReadOnlyList<GridResultRow> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            """
            COPY optimization_results (optimization_id, run_id, params, score, total_return, sharpe_ratio, max_drawdown, win_rate, total_trades, metrics,
                                       trial, period_returns)
            FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        foreach (var row in rows)
        {
            importer.StartRow();
            importer.Write(id, NpgsqlDbType.Bigint);
            importer.Write(runId, NpgsqlDbType.Bigint);
            importer.Write(row.Params, NpgsqlDbType.Jsonb);
            WriteOrNull(importer, row.Score, NpgsqlDbType.Double);
            importer.Write(row.TotalReturn, NpgsqlDbType.Double);
            importer.Write(row.SharpeRatio, NpgsqlDbType.Double);
            importer.Write(row.MaxDrawdown, NpgsqlDbType.Double);
            importer.Write(row.WinRate, NpgsqlDbType.Double);
            importer.Write(row.TotalTrades, NpgsqlDbType.Integer);
            importer.Write(row.Metrics, NpgsqlDbType.Jsonb);
            WriteOrNull(importer, row.Trial, NpgsqlDbType.Integer);
            WriteOrNull(importer, row.PeriodReturns, NpgsqlDbType.Array | NpgsqlDbType.Double);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static void WriteOrNull<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } given)
        {
            importer.Write(given, type);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static void WriteOrNull(NpgsqlBinaryImporter importer, double[]? values, NpgsqlDbType type)
    {
        if (values is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(values, type);
        }
    }

    /// <summary>Compact JSON with names in ordinal order, as <see cref="RunSpec.Parameters"/> writes it (jsonb orders names by length first).</summary>
    private static string Canonical(string json) =>
        new JsonObject(JsonNode.Parse(json)!.AsObject().OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone()))).ToJsonString();

    /// <summary>Better score first, then the parameter text: the deterministic order of <see cref="Objective"/>.</summary>
    private sealed class BestFirst(Objective objective) : IComparer<(double Score, string Params)>
    {
        public int Compare((double Score, string Params) a, (double Score, string Params) b)
        {
            var byScore = objective.Maximize ? b.Score.CompareTo(a.Score) : a.Score.CompareTo(b.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.Params, b.Params);
        }
    }
}

/// <summary>How a chunk's completion went: refused when the chunk was no longer its worker's; the next batch's chunks of a search to enqueue.</summary>
internal sealed record ChunkCompletion(bool Accepted, IReadOnlyList<long> NextChunks)
{
    public static ChunkCompletion Refused { get; } = new(false, []);
}

/// <summary>A grid run just recorded: the optimization row as it now stands, the run's id and its chunks' ids.</summary>
internal sealed record StartedGrid(Optimization Optimization, long RunId, IReadOnlyList<long> ChunkIds);
