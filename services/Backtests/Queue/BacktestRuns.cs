using Dapper;
using Npgsql;
using Platform.Backtests.Backtests;
using Platform.Jobs;
using Platform.ServiceDefaults.Data;

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

    /// <summary>The curve as one row of two arrays, in PostgreSQL's binary format: a million points travel as 24 MB, never as text.</summary>
    private static async Task CopyEquityAsync(NpgsqlConnection connection, long id, long[] times, double[] equity, CancellationToken cancellationToken)
    {
        await using var copy = await BinaryCopyWriter.StartAsync(connection, "equity_curves (backtest_id, times, equity)", cancellationToken);
        await copy.StartRowAsync(3, cancellationToken);
        copy.Write(id);
        await copy.WriteArrayAsync(times, cancellationToken);
        await copy.WriteArrayAsync(equity, cancellationToken);
        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyTradesAsync(NpgsqlConnection connection, long id, IReadOnlyList<TradeRow> trades, CancellationToken cancellationToken)
    {
        await using var copy = await BinaryCopyWriter.StartAsync(
            connection,
            """
            trades (backtest_id, entry_time, exit_time, side, entry_price, exit_price, quantity, pnl, pnl_pct, commission, bars_held, exit_reason,
                    run_up, run_up_pct, drawdown, drawdown_pct)
            """,
            cancellationToken);
        var sides = Enum.GetValues<Platform.Engine.Backtesting.TradeSide>().ToDictionary(side => side, side => BinaryCopyWriter.EncodeText(TradeSides.Column(side)));
        var reasons = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var trade in trades)
        {
            await copy.StartRowAsync(16, cancellationToken);
            copy.Write(id);
            copy.WriteTimestamp(trade.EntryTime);
            copy.WriteTimestamp(trade.ExitTime);
            copy.WriteEncoded(sides[trade.Side]);
            copy.Write(trade.EntryPrice);
            copy.Write(trade.ExitPrice);
            copy.Write(trade.Quantity);
            copy.Write(trade.Pnl);
            copy.Write(trade.PnlPct);
            copy.Write(trade.Commission);
            copy.Write(trade.BarsHeld);
            if (trade.ExitReason is { } reason)
            {
                copy.WriteEncoded(reasons.TryGetValue(reason, out var encoded) ? encoded : reasons[reason] = BinaryCopyWriter.EncodeText(reason));
            }
            else
            {
                copy.WriteNull();
            }
            copy.Write(trade.RunUp);
            copy.Write(trade.RunUpPct);
            copy.Write(trade.Drawdown);
            copy.Write(trade.DrawdownPct);
        }
        await copy.CompleteAsync(cancellationToken);
    }
}
