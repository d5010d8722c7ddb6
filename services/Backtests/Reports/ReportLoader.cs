using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.Backtests.Backtests;
using Platform.Backtests.Queue;

namespace Platform.Backtests.Reports;

/// <summary>
/// Puts together what exports and charts read: the stored result document, the run's trades from their table (in the
/// spelling of docs/api-behaviour.md, 1.6) and its equity curve from <c>equity_curves</c>.
/// </summary>
internal sealed class ReportLoader(NpgsqlDataSource dataSource)
{
    /// <exception cref="ReportDataException">The stored document cannot be read.</exception>
    public async Task<ReportInput> LoadAsync(Backtest backtest, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var strategy = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT name FROM strategies WHERE id = @Id", new { Id = backtest.StrategyId }, cancellationToken: cancellationToken)) ?? "";
        var trades = await connection.QueryAsync<StoredTrade>(new CommandDefinition(
            """
            SELECT entry_time, exit_time, side, entry_price, exit_price, quantity, pnl, pnl_pct, commission, bars_held, exit_reason,
                   run_up, run_up_pct, drawdown, drawdown_pct
            FROM trades WHERE backtest_id = @Id ORDER BY entry_time, id
            """,
            new { backtest.Id },
            cancellationToken: cancellationToken));
        var curve = await connection.QuerySingleOrDefaultAsync<(long[] Times, double[] Equity)?>(new CommandDefinition(
            "SELECT times, equity FROM equity_curves WHERE backtest_id = @Id", new { backtest.Id }, cancellationToken: cancellationToken));

        var document = backtest.Results is null ? [] : JsonNode.Parse(backtest.Results)?.AsObject() ?? [];
        document["trades"] = new JsonArray([.. trades.Select(trade => (JsonNode)trade.ToRow().ToJson())]);
        var header = new ReportHeader(backtest.Id, backtest.Symbol, backtest.Timeframe, strategy, backtest.StartDate, backtest.EndDate, backtest.InitialCapital);
        return ReportInput.From(header, document.ToJsonString(), curve is { } stored ? new EquitySeries(stored.Times, stored.Equity) : null);
    }
}

/// <summary>A <c>trades</c> row as read, its <c>side</c> as stored until <see cref="ToRow"/>.</summary>
internal sealed record StoredTrade(
    DateTime EntryTime,
    DateTime? ExitTime,
    string Side,
    double EntryPrice,
    double? ExitPrice,
    double Quantity,
    double? Pnl,
    double? PnlPct,
    double? Commission,
    int? BarsHeld,
    string? ExitReason,
    double? RunUp,
    double? RunUpPct,
    double? Drawdown,
    double? DrawdownPct)
{
    public TradeRow ToRow() => new(
        EntryTime, ExitTime, TradeSides.FromColumn(Side), EntryPrice, ExitPrice, Quantity, Pnl, PnlPct, Commission, BarsHeld, ExitReason,
        RunUp, RunUpPct, Drawdown, DrawdownPct);
}
