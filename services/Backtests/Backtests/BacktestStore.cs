using Dapper;
using Npgsql;

namespace Platform.Backtests.Backtests;

/// <summary>The <c>backtests</c> table: the truth about every run (docs/architecture.md, 3); the job stream only carries ids.</summary>
internal sealed class BacktestStore(NpgsqlDataSource dataSource)
{
    public const string Columns = """
        id, strategy_id, symbol, timeframe, start_date, end_date, initial_capital, leverage, commission, config::text AS config,
        additional_timeframes, htf_filters::text AS htf_filters, status, error_message, attempts, claimed_by, claimed_at, lease_until, retry_at,
        started_at, completed_at, final_capital, total_return, total_trades, winning_trades, losing_trades, win_rate,
        sharpe_ratio, sortino_ratio, max_drawdown, profit_factor, results::text AS results, created_at, updated_at, owner, strategy_version
        """;

    /// <summary>Sort keys a client may name (never an arbitrary column; docs/api-behaviour.md, 2.3).</summary>
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["created_at"] = "created_at",
        ["updated_at"] = "updated_at",
        ["started_at"] = "started_at",
        ["completed_at"] = "completed_at",
        ["id"] = "id",
        ["symbol"] = "symbol",
        ["status"] = "status",
        ["initial_capital"] = "initial_capital",
        ["final_capital"] = "final_capital",
        ["total_return"] = "total_return",
        ["sharpe_ratio"] = "sharpe_ratio",
        ["max_drawdown"] = "max_drawdown",
        ["win_rate"] = "win_rate",
        ["total_trades"] = "total_trades",
    };

    public NpgsqlDataSource DataSource => dataSource;

    public async Task<Backtest> CreateAsync(NewBacktest backtest, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<Backtest>(new CommandDefinition(
            $"""
            INSERT INTO backtests (strategy_id, symbol, timeframe, start_date, end_date, initial_capital, leverage, commission,
                                   config, additional_timeframes, htf_filters, owner, strategy_version)
            VALUES (@StrategyId, @Symbol, @Timeframe, @StartDate, @EndDate, @InitialCapital, @Leverage, @Commission,
                    @Config::jsonb, @AdditionalTimeframes, @HtfFilters::jsonb, @Owner, @StrategyVersion)
            RETURNING {Columns}
            """,
            backtest,
            cancellationToken: cancellationToken));
    }

    public async Task<Backtest?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Backtest>(new CommandDefinition(
            $"SELECT {Columns} FROM backtests WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task<(IReadOnlyList<Backtest> Items, long Total)> ListAsync(BacktestFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Backtest, long, (Backtest Row, long Total)>(
            new CommandDefinition(
                $"""
                SELECT {Columns}, count(*) OVER () AS total FROM backtests
                WHERE (@StrategyId::bigint IS NULL OR strategy_id = @StrategyId)
                  AND (@Symbol::text IS NULL OR symbol = @Symbol)
                  AND (@Status::text IS NULL OR status = @Status)
                  AND (@Owner::text IS NULL OR owner = @Owner)
                ORDER BY {SortColumns[filter.OrderBy]} {(filter.Descending ? "DESC" : "ASC")} NULLS LAST, id {(filter.Descending ? "DESC" : "ASC")}
                LIMIT @Limit OFFSET @Offset
                """,
                filter,
                cancellationToken: cancellationToken),
            (row, total) => (row, total),
            splitOn: "total")).AsList();
        if (rows.Count > 0 || filter.Offset == 0)
        {
            return (rows.ConvertAll(item => item.Row), rows.Count == 0 ? 0 : rows[0].Total);
        }
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT count(*) FROM backtests
            WHERE (@StrategyId::bigint IS NULL OR strategy_id = @StrategyId)
              AND (@Symbol::text IS NULL OR symbol = @Symbol)
              AND (@Status::text IS NULL OR status = @Status)
              AND (@Owner::text IS NULL OR owner = @Owner)
            """,
            filter,
            cancellationToken: cancellationToken));
        return ([], total);
    }

    /// <summary>
    /// Applies a validated change under a row lock: the row as it was, then as it is (null when absent); the change is
    /// refused (row unchanged) when <paramref name="allowed"/> says no for the row found, its owner and status.
    /// </summary>
    public async Task<(Backtest? Before, Backtest? After)> UpdateAsync(
        long id, BacktestChange change, Func<Backtest, bool> allowed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await connection.QuerySingleOrDefaultAsync<Backtest>(new CommandDefinition(
            $"SELECT {Columns} FROM backtests WHERE id = @Id FOR UPDATE", new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (before is null || !allowed(before))
        {
            return (before, null);
        }
        var after = await connection.QuerySingleAsync<Backtest>(new CommandDefinition(
            $"""
            UPDATE backtests SET
                strategy_id = coalesce(@StrategyId, strategy_id),
                strategy_version = CASE WHEN @StrategyId::bigint IS NULL THEN strategy_version ELSE @StrategyVersion END,
                symbol = coalesce(@Symbol, symbol),
                timeframe = coalesce(@Timeframe, timeframe),
                start_date = coalesce(@StartDate, start_date),
                end_date = coalesce(@EndDate, end_date),
                initial_capital = coalesce(@InitialCapital, initial_capital),
                leverage = coalesce(@Leverage, leverage),
                commission = coalesce(@Commission, commission),
                config = coalesce(@Config::jsonb, config),
                status = coalesce(@Status, status),
                error_message = CASE WHEN @Status = 'queued' THEN NULL ELSE error_message END,
                updated_at = now()
            WHERE id = @Id
            RETURNING {Columns}
            """,
            change with { Id = id },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (before, after);
    }
}

internal sealed record NewBacktest(
    long StrategyId,
    string Symbol,
    string Timeframe,
    DateTime StartDate,
    DateTime EndDate,
    double InitialCapital,
    int Leverage,
    double Commission,
    string? Config,
    string[]? AdditionalTimeframes,
    string? HtfFilters,
    string Owner,
    int StrategyVersion);

internal sealed record BacktestChange(
    long Id,
    long? StrategyId,
    string? Symbol,
    string? Timeframe,
    DateTime? StartDate,
    DateTime? EndDate,
    double? InitialCapital,
    int? Leverage,
    double? Commission,
    string? Config,
    string? Status,
    int? StrategyVersion);

internal sealed record BacktestFilter(long? StrategyId, string? Symbol, string? Status, string? Owner, int Limit, int Offset, string OrderBy, bool Descending);
