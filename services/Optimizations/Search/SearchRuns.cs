using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.Optimizations.Grid;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.Optimizations.Runs;

namespace Platform.Optimizations.Search;

/// <summary>
/// Search runs in PostgreSQL. A search is evaluated in batches: each batch's trials are chunks that any replica's grid
/// workers take, and the transaction that completes a batch's last chunk proposes the next batch from every trial so far
/// (<see cref="SearchPlan"/>), or completes the run. No worker waits on a batch, and a crash between batches loses nothing:
/// the proposal commits with the chunk that triggered it.
/// </summary>
internal sealed class SearchRuns(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Starts a run: records it, its settings and its first batch, in one transaction; earlier runs keep their results. Null
    /// when a run of the optimization is still queued or running (or the optimization is gone).
    /// </summary>
    public async Task<StartedGrid?> StartAsync(
        long id, RunSpec spec, string paramRanges, string? config, SearchSettings settings, IReadOnlyList<ProposedTrial> firstBatch, int trialsPerChunk,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var jobId = Guid.CreateVersion7();
        var started = await connection.QuerySingleOrDefaultAsync<Optimization>(new CommandDefinition(
            $"""
            UPDATE optimizations
            SET status = 'queued', job_id = @JobId, run_type = 'search', objective = @Spec::jsonb, param_ranges = @ParamRanges::jsonb,
                config = coalesce(@Config::jsonb, config), metric = @Metric, total_combinations = @Trials,
                combinations_done = 0, chunks_total = 0, chunks_done = 0, best_params = NULL, best_score = NULL,
                results = NULL, error_message = NULL, started_at = NULL, completed_at = NULL, updated_at = now()
            WHERE id = @Id AND NOT (status IN ('queued', 'running') AND job_id IS NOT NULL)
            RETURNING {OptimizationStore.Columns}
            """,
            new { Id = id, JobId = jobId, Spec = spec.ToJson(), ParamRanges = paramRanges, Config = config, spec.Metric, settings.Trials },
            transaction,
            cancellationToken: cancellationToken));
        if (started is null)
        {
            return null;
        }
        var runId = await OptimizationRuns.InsertAsync(
            connection, transaction, started, RunKind.Search, settings.Trials, cancellationToken, new JsonObject { ["search"] = settings.ToJson() });
        var chunk = new GridChunk { OptimizationId = id, RunId = runId, JobId = jobId };
        var ids = await InsertBatchAsync(connection, transaction, chunk, firstBatch, trialsPerChunk, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StartedGrid(started, runId, ids);
    }

    /// <summary>
    /// After the last chunk of a batch, in its transaction: the next batch's chunks (their ids, to enqueue after the commit),
    /// or none when the search is over, in which case the run is completed with its result document.
    /// </summary>
    public static async Task<IReadOnlyList<long>> ContinueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, GridChunk chunk, int trialsPerChunk, CancellationToken cancellationToken)
    {
        var optimization = await connection.QuerySingleAsync<Optimization>(new CommandDefinition(
            $"SELECT {OptimizationStore.Columns} FROM optimizations WHERE id = @Id", new { Id = chunk.OptimizationId }, transaction, cancellationToken: cancellationToken));
        var settings = SearchSettings.FromJson(JsonNode.Parse(await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT (settings -> 'search')::text FROM optimization_runs WHERE id = @RunId", new { chunk.RunId }, transaction, cancellationToken: cancellationToken)))!);
        var spec = RunSpec.Parse(optimization.Objective!);
        var errors = new Dictionary<string, string[]>();
        var space = ParameterSpace.Parse(JsonDocument.Parse(optimization.ParamRanges).RootElement, "param_ranges", int.MaxValue, long.MaxValue, errors)
                    ?? throw new InvalidDataException(string.Join(" ", errors.SelectMany(error => error.Value)));
        var history = (await connection.QueryAsync<StoredTrial>(new CommandDefinition(
            "SELECT trial, params::text AS params, score FROM optimization_results WHERE run_id = @RunId ORDER BY trial",
            new { chunk.RunId },
            transaction,
            cancellationToken: cancellationToken))).AsList();

        var step = SearchPlan.Create(space, spec, settings).Next(history);
        if (step.StopReason is null)
        {
            return await InsertBatchAsync(connection, transaction, chunk, step.Trials, trialsPerChunk, cancellationToken);
        }
        await GridRuns.FinishAsync(connection, transaction, chunk, spec.Objective, settings.Partitions, document =>
        {
            document["method"] = settings.MethodName;
            document["search"] = settings.ToJson();
            document["trials"] = history.Count;
            document["stop_reason"] = step.StopReason;
        }, cancellationToken);
        return [];
    }

    /// <summary>Cuts a batch into chunks of <paramref name="trialsPerChunk"/> trials after the run's chunks so far, and counts them in the run's total.</summary>
    private static async Task<IReadOnlyList<long>> InsertBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, GridChunk run, IReadOnlyList<ProposedTrial> trials, int trialsPerChunk,
        CancellationToken cancellationToken)
    {
        var chunks = trials.Chunk(Math.Max(1, trialsPerChunk))
            .Select(part => new JsonArray([.. part.Select(trial => (JsonNode)new JsonObject
            {
                ["trial"] = trial.Trial,
                ["params"] = JsonNode.Parse(trial.Params),
            })]).ToJsonString())
            .ToArray();
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            """
            WITH run AS (
                UPDATE optimizations SET chunks_total = chunks_total + cardinality(@Chunks), updated_at = now()
                WHERE id = @Id RETURNING chunks_total - cardinality(@Chunks) AS before)
            INSERT INTO optimization_chunks (optimization_id, run_id, job_id, chunk_no, first_index, end_index, trials)
            SELECT @Id, @RunId, @JobId, run.before + n - 1, 0, 0, chunk::jsonb
            FROM run, unnest(@Chunks::text[]) WITH ORDINALITY AS c (chunk, n)
            RETURNING id
            """,
            new { Id = run.OptimizationId, run.RunId, run.JobId, Chunks = chunks },
            transaction,
            cancellationToken: cancellationToken));
        return ids.AsList();
    }
}
