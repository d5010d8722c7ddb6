using System.Text.Json.Serialization;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Backtests.Backtests;

namespace Platform.Backtests.Queue;

/// <summary>The trades of a run, by entry time, with the contract's fields and the ones it left out (docs/api-behaviour.md, 2.10).</summary>
internal static class TradesApi
{
    public const int MaxLimit = 10_000;

    public static async Task<Results<Ok<List<TradeView>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        long id, string? side, int? limit, int? offset, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
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
            new { Id = id, Side = wanted is { } filter ? TradeSides.Column(filter) : "", Limit = limit ?? 1000, Offset = offset ?? 0 },
            cancellationToken: cancellationToken))).AsList();
        if (trades.Count == 0 && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT NOT EXISTS (SELECT 1 FROM backtests WHERE id = @Id)", new { Id = id }, cancellationToken: cancellationToken)))
        {
            return BacktestInput.NotFound();
        }
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
