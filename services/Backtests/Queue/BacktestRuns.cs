using Dapper;
using Npgsql;
using NpgsqlTypes;
using Platform.Backtests.Backtests;

namespace Platform.Backtests.Queue;

/// <summary>The run lifecycle in PostgreSQL: atomic claims with a lease, heartbeats, and results written in one transaction.</summary>
internal sealed class BacktestRuns(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Takes a queued run, a failed one when <paramref name="allowFailed"/> (the contract's external workers may re-run
    /// those), or a running one whose holder has been silent for longer than <paramref name="lease"/>.
    /// </summary>
    public async Task<Backtest?> TryClaimAsync(long id, string owner, TimeSpan lease, bool allowFailed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Backtest>(new CommandDefinition(
            $"""
            UPDATE backtests
            SET status = 'running', claimed_by = @Owner, claimed_at = now(), heartbeat_at = now(), started_at = now(),
                attempts = attempts + 1, error_message = NULL, updated_at = now()
            WHERE id = @Id
              AND (status = 'queued'
                   OR (@AllowFailed AND status = 'failed')
                   OR (status = 'running' AND coalesce(heartbeat_at, claimed_at, started_at, updated_at) < now() - @Lease))
            RETURNING {BacktestStore.Columns}
            """,
            new { Id = id, Owner = owner, Lease = lease, AllowFailed = allowFailed },
            cancellationToken: cancellationToken));
    }

    /// <summary>Tells other workers the run is still in hand; false when the claim was lost.</summary>
    public async Task<bool> HeartbeatAsync(long id, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE backtests SET heartbeat_at = now() WHERE id = @Id AND claimed_by = @Owner AND status = 'running'",
            new { Id = id, Owner = owner },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Writes status, metrics, the result document, the trades and the equity curve in one transaction. Only a running
    /// run takes results, and with <paramref name="owner"/> only from the worker holding it; null when refused.
    /// </summary>
    public async Task<Backtest?> CompleteAsync(long id, string? owner, RunOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var metrics = outcome.Metrics;
        var completed = await connection.QuerySingleOrDefaultAsync<Backtest>(new CommandDefinition(
            $"""
            UPDATE backtests
            SET status = 'completed', completed_at = now(), updated_at = now(), heartbeat_at = NULL, error_message = NULL,
                final_capital = @FinalCapital, total_return = @TotalReturn, total_trades = @TotalTrades,
                winning_trades = @WinningTrades, losing_trades = @LosingTrades, win_rate = @WinRate, sharpe_ratio = @SharpeRatio,
                sortino_ratio = @SortinoRatio, max_drawdown = @MaxDrawdown, profit_factor = @ProfitFactor, results = @Results::jsonb
            WHERE id = @Id AND status = 'running' AND (@Owner::text IS NULL OR claimed_by = @Owner)
            RETURNING {BacktestStore.Columns}
            """,
            new
            {
                Id = id,
                Owner = owner,
                metrics.FinalCapital,
                metrics.TotalReturn,
                metrics.TotalTrades,
                metrics.WinningTrades,
                metrics.LosingTrades,
                metrics.WinRate,
                metrics.SharpeRatio,
                metrics.SortinoRatio,
                metrics.MaxDrawdown,
                metrics.ProfitFactor,
                Results = outcome.ResultsJson,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (completed is null)
        {
            return null;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM trades WHERE backtest_id = @Id; DELETE FROM equity_curves WHERE backtest_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        await CopyTradesAsync(connection, id, outcome.Trades, cancellationToken);
        if (outcome.EquityTimes.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO equity_curves (backtest_id, times, equity) VALUES (@Id, @Times, @Equity)",
                new { Id = id, Times = outcome.EquityTimes, Equity = outcome.Equity },
                transaction,
                cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return completed;
    }

    /// <summary>Ends the run as failed with its reason; with <paramref name="owner"/> only when that worker still holds it.</summary>
    public async Task FailAsync(long id, string? owner, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE backtests SET status = 'failed', error_message = @Error, heartbeat_at = NULL, updated_at = now()
            WHERE id = @Id AND status IN ('queued', 'running') AND (@Owner::text IS NULL OR claimed_by = @Owner)
            """,
            new { Id = id, Owner = owner, Error = error },
            cancellationToken: cancellationToken));
    }

    /// <summary>Puts a run the worker cannot finish back in the queue, keeping its attempt count (a shutdown does not count).</summary>
    public async Task ReleaseAsync(long id, string owner, bool countAttempt, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE backtests
            SET status = 'queued', claimed_by = NULL, heartbeat_at = NULL, updated_at = now(), error_message = @Error,
                attempts = CASE WHEN @CountAttempt THEN attempts ELSE attempts - 1 END
            WHERE id = @Id AND claimed_by = @Owner AND status = 'running'
            """,
            new { Id = id, Owner = owner, CountAttempt = countAttempt, Error = error },
            cancellationToken: cancellationToken));
    }

    /// <summary>Runs that may have no stream entry: queued for longer than the lease, or running under a silent worker.</summary>
    public async Task<IReadOnlyList<long>> FindStrandedAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT id FROM backtests
            WHERE (status = 'queued' AND updated_at < now() - @Lease)
               OR (status = 'running' AND coalesce(heartbeat_at, claimed_at, updated_at) < now() - @Lease)
            ORDER BY id
            LIMIT 1000
            """,
            new { Lease = lease },
            cancellationToken: cancellationToken));
        return ids.AsList();
    }

    private static async Task CopyTradesAsync(NpgsqlConnection connection, long id, IReadOnlyList<TradeRow> trades, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            """
            COPY trades (backtest_id, entry_time, exit_time, side, entry_price, exit_price, quantity, pnl, pnl_pct, commission, bars_held, exit_reason)
            FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        foreach (var trade in trades)
        {
            importer.StartRow();
            importer.Write(id, NpgsqlDbType.Bigint);
            importer.Write(trade.EntryTime, NpgsqlDbType.TimestampTz);
            Write(importer, trade.ExitTime, NpgsqlDbType.TimestampTz);
            importer.Write(trade.Side, NpgsqlDbType.Varchar);
            importer.Write(trade.EntryPrice, NpgsqlDbType.Double);
            Write(importer, trade.ExitPrice, NpgsqlDbType.Double);
            importer.Write(trade.Quantity, NpgsqlDbType.Double);
            Write(importer, trade.Pnl, NpgsqlDbType.Double);
            Write(importer, trade.PnlPct, NpgsqlDbType.Double);
            Write(importer, trade.Commission, NpgsqlDbType.Double);
            Write(importer, trade.BarsHeld, NpgsqlDbType.Integer);
            if (trade.ExitReason is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(trade.ExitReason, NpgsqlDbType.Varchar);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static void Write<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present)
        {
            importer.Write(present, type);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
