using Dapper;
using Npgsql;

namespace Platform.Optimizations.Optimizations;

/// <summary>The <c>optimizations</c> table: the truth about every optimization and its current run.</summary>
internal sealed class OptimizationStore(NpgsqlDataSource dataSource)
{
    public const string Columns = """
        id, strategy_id, optimization_type, symbol, timeframe, start_date, end_date, param_ranges::text AS param_ranges, metric,
        initial_capital, total_combinations, config::text AS config, objective::text AS objective, windows::text AS windows, status,
        best_params::text AS best_params, best_score, results::text AS results, error_message, retry_at, job_id, run_type,
        combinations_done, chunks_total, chunks_done, attempts, created_at, updated_at, started_at, completed_at, owner
        """;

    public NpgsqlDataSource DataSource => dataSource;

    public async Task<Optimization> CreateAsync(NewOptimization optimization, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<Optimization>(new CommandDefinition(
            $"""
            INSERT INTO optimizations (strategy_id, optimization_type, symbol, timeframe, start_date, end_date, param_ranges, metric,
                                       initial_capital, total_combinations, config, objective, owner)
            VALUES (@StrategyId, @OptimizationType, @Symbol, @Timeframe, @StartDate, @EndDate, @ParamRanges::jsonb, @Metric,
                    @InitialCapital, @TotalCombinations, @Config::jsonb, @Objective::jsonb, @Owner)
            RETURNING {Columns}
            """,
            optimization,
            cancellationToken: cancellationToken));
    }

    public async Task<Optimization?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Optimization>(new CommandDefinition(
            $"SELECT {Columns} FROM optimizations WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task<(IReadOnlyList<Optimization> Items, long Total)> ListAsync(OptimizationFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        const string Filter = """
            (@StrategyId::bigint IS NULL OR strategy_id = @StrategyId) AND (@Status::text IS NULL OR status = @Status)
            AND (@Owner::text IS NULL OR owner = @Owner)
            """;
        var items = await connection.QueryAsync<Optimization>(new CommandDefinition(
            $"SELECT {Columns} FROM optimizations WHERE {Filter} ORDER BY created_at DESC, id DESC LIMIT @Limit OFFSET @Offset",
            filter,
            cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM optimizations WHERE {Filter}", filter, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>
    /// Applies a change under a row lock when <paramref name="allowed"/> says so for the row as it is (its owner and
    /// status); the row before, and after (null when refused or absent).
    /// </summary>
    public async Task<(Optimization? Before, Optimization? After)> UpdateAsync(
        long id, OptimizationChange change, Func<Optimization, bool> allowed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await connection.QuerySingleOrDefaultAsync<Optimization>(new CommandDefinition(
            $"SELECT {Columns} FROM optimizations WHERE id = @Id FOR UPDATE", new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (before is null || !allowed(before))
        {
            return (before, null);
        }
        var after = await connection.QuerySingleAsync<Optimization>(new CommandDefinition(
            $"""
            UPDATE optimizations SET
                status = coalesce(@Status, status),
                metric = coalesce(@Metric, metric),
                config = coalesce(@Config::jsonb, config),
                param_ranges = coalesce(@ParamRanges::jsonb, param_ranges),
                total_combinations = coalesce(@TotalCombinations, total_combinations),
                completed_at = CASE WHEN @Status = 'cancelled' THEN now() ELSE completed_at END,
                updated_at = now()
            WHERE id = @Id
            RETURNING {Columns}
            """,
            change with { Id = id },
            transaction,
            cancellationToken: cancellationToken));
        if (change.Status == OptimizationStatus.Cancelled)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE optimization_chunks SET status = 'cancelled' WHERE optimization_id = @Id AND status IN ('queued', 'running');
                SELECT settle_optimization_run(@JobId);
                """,
                new { Id = id, after.JobId },
                transaction,
                cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return (before, after);
    }
}

internal sealed record NewOptimization(
    long StrategyId,
    string OptimizationType,
    string Symbol,
    string Timeframe,
    DateTime StartDate,
    DateTime EndDate,
    string ParamRanges,
    string Metric,
    double InitialCapital,
    int TotalCombinations,
    string? Config,
    string Objective,
    string Owner);

internal sealed record OptimizationFilter(long? StrategyId, string? Status, string? Owner, int Limit, int Offset);

internal sealed record OptimizationChange(long Id, string? Status, string? Metric, string? Config, string? ParamRanges, int? TotalCombinations);
