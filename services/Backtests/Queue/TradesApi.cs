using System.Data;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Backtests.Backtests;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Backtests.Queue;

/// <summary>
/// The trades of a run, by entry time, with the contract's fields and the ones it left out; the count of every trade the
/// filter matches in <see cref="TotalCount.Header"/>, so the body stays the contract's array (docs/api-behaviour.md, 2.10).
/// </summary>
internal static class TradesApi
{
    public const int MaxLimit = 10_000;

    public static async Task<Results<Ok<List<TradeView>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        long id, string? side, int? limit, int? offset, HttpContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var wanted = TradeSides.Parse(side);
        var sideRefused = !string.IsNullOrEmpty(side) && wanted is null;
        if (sideRefused || limit is < 1 or > MaxLimit || offset is < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [sideRefused ? "side" : limit is < 1 or > MaxLimit ? "limit" : "offset"] =
                    [sideRefused ? "side must be buy, sell, long or short." : $"limit must be 1 to {MaxLimit} and offset 0 or more."],
            });
        }
        var filter = new { Id = id, Side = wanted is { } chosen ? TradeSides.Column(chosen) : "", Limit = limit ?? 1000, Offset = offset ?? 0 };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the count and the page: results written in between cannot make them disagree.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var (found, total) = await connection.QuerySingleAsync<(bool Found, long Total)>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM backtests WHERE id = @Id),
                   (SELECT count(*) FROM trades WHERE backtest_id = @Id AND (@Side = '' OR side = @Side))
            """,
            filter,
            transaction,
            cancellationToken: cancellationToken));
        if (!found)
        {
            return BacktestInput.NotFound();
        }
        var trades = (await connection.QueryAsync<TradeView>(new CommandDefinition(
            """
            SELECT id, backtest_id, entry_time, exit_time, entry_price AS price, quantity AS qty,
                   side AS stored_side, pnl, created_at,
                   exit_price, pnl_pct, commission, bars_held, exit_reason, run_up, run_up_pct, drawdown, drawdown_pct
            FROM trades
            WHERE backtest_id = @Id AND (@Side = '' OR side = @Side)
            ORDER BY entry_time, id
            LIMIT @Limit OFFSET @Offset
            """,
            filter,
            transaction,
            cancellationToken: cancellationToken))).AsList();
        await transaction.CommitAsync(cancellationToken);
        TotalCount.Set(context.Response, total);
        return TypedResults.Ok(trades.ConvertAll(trade => trade with { Side = TradeSides.Order(TradeSides.FromColumn(trade.StoredSide)) }));
    }
}

/// <summary>
/// A trade as docs/api-behaviour.md, 2.10 shows it (<c>price</c> = entry price, <c>qty</c>, <c>side</c> buy/sell) plus
/// its exit and result.
/// </summary>
internal sealed record TradeView
{
    public long Id { get; init; }

    public long BacktestId { get; init; }

    public DateTime EntryTime { get; init; }

    public DateTime? ExitTime { get; init; }

    public double Price { get; init; }

    public double Qty { get; init; }

    /// <summary>buy or sell (<see cref="TradeSides.Order"/>).</summary>
    public string Side { get; init; } = "";

    /// <summary>The <c>side</c> column as read, before <see cref="Side"/> is spelled from it.</summary>
    [JsonIgnore]
    public string StoredSide { get; init; } = "";

    public double? Pnl { get; init; }

    public DateTime CreatedAt { get; init; }

    public double? ExitPrice { get; init; }

    public double? PnlPct { get; init; }

    public double? Commission { get; init; }

    public int? BarsHeld { get; init; }

    public string? ExitReason { get; init; }

    public double? RunUp { get; init; }

    public double? RunUpPct { get; init; }

    public double? Drawdown { get; init; }

    public double? DrawdownPct { get; init; }
}
