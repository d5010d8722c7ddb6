using Dapper;
using Npgsql;
using NpgsqlTypes;
using Platform.Backtests.Backtests;
using Platform.Jobs;

namespace Platform.Backtests.Queue;

/// <summary>Runs in PostgreSQL: the job table of the run queue, and results written in one transaction.</summary>
internal sealed class BacktestRuns(NpgsqlDataSource dataSource)
{
    /// <summary>The run columns of the job framework (docs/architecture.md, 3.2): a claim stamps when the run started.</summary>
    public static JobTable Table { get; } = new("backtests", JobKey.Int64)
    {
        Returning = BacktestStore.Columns,
        OnClaim = "claimed_at = now(), started_at = now()",
    };

    /// <summary>
    /// Writes status, metrics, the result document, the trades and the equity curve in one transaction. Only a running
    /// run takes results, and with <paramref name="owner"/> only from the worker holding it; null when refused. The same
    /// worker sending its results again gets the run it completed, nothing written twice.
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
            return owner is null ? null : await connection.QuerySingleOrDefaultAsync<Backtest>(new CommandDefinition(
                $"SELECT {BacktestStore.Columns} FROM backtests WHERE id = @Id AND status = 'completed' AND claimed_by = @Owner",
                new { Id = id, Owner = owner },
                transaction,
                cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM trades WHERE backtest_id = @Id; DELETE FROM equity_curves WHERE backtest_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        await CopyTradesAsync(connection, id, outcome.Trades, cancellationToken);
        if (outcome.EquityTimes.Length > 0)
        {
            await CopyEquityAsync(connection, id, outcome.EquityTimes, outcome.Equity, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return completed;
    }

    /// <summary>The curve as one row of two arrays, in PostgreSQL's binary format: a million points travel as 16 MB, never as text.</summary>
    private static async Task CopyEquityAsync(NpgsqlConnection connection, long id, long[] times, double[] equity, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY equity_curves (backtest_id, times, equity) FROM STDIN (FORMAT BINARY)", cancellationToken);
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(times, NpgsqlDbType.Array | NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(equity, NpgsqlDbType.Array | NpgsqlDbType.Double, cancellationToken);
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyTradesAsync(NpgsqlConnection connection, long id, IReadOnlyList<TradeRow> trades, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            """
            COPY trades (backtest_id, entry_time, exit_time, side, entry_price, exit_price, quantity, pnl, pnl_pct, commission, bars_held, exit_reason,
                        run_up, run_up_pct, drawdown, drawdown_pct)
            FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        foreach (var trade in trades)
        {
            importer.StartRow();
            importer.Write(id, NpgsqlDbType.Bigint);
            importer.Write(trade.EntryTime, NpgsqlDbType.TimestampTz);
            Write(importer, trade.ExitTime, NpgsqlDbType.TimestampTz);
            importer.Write(TradeSides.Column(trade.Side), NpgsqlDbType.Varchar);
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
            Write(importer, trade.RunUp, NpgsqlDbType.Double);
            Write(importer, trade.RunUpPct, NpgsqlDbType.Double);
            Write(importer, trade.Drawdown, NpgsqlDbType.Double);
            Write(importer, trade.DrawdownPct, NpgsqlDbType.Double);
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
