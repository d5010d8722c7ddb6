using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.Backtests.Tests.Backtests;

namespace Platform.Backtests.Tests.Equity;

/// <summary>Completed runs whose trades and equity a test chooses: queued, claimed and completed over the worker protocol.</summary>
internal static class SubmittedRuns
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>A run of <paramref name="hours"/> hourly bars (or <paramref name="timeframe"/>) completed with these trades and curve.</summary>
    public static async Task<long> CompleteAsync(
        HttpClient client, JsonArray trades, JsonArray equity, CancellationToken cancellationToken, string timeframe = "60", int hours = 500)
    {
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, $"submitted-{Guid.NewGuid():N}");
        var id = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, timeframe: timeframe, hours: hours))).GetProperty("id").GetInt64();
        using var claim = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "equity-worker" }, cancellationToken);
        claim.EnsureSuccessStatusCode();
        using var results = await client.PostAsJsonAsync(
            $"/api/v1/backtests/{id}/results",
            new JsonObject
            {
                ["worker_id"] = "equity-worker",
                ["final_capital"] = 10_000,
                ["total_return"] = 0,
                ["total_trades"] = trades.Count,
                ["winning_trades"] = 0,
                ["losing_trades"] = 0,
                ["win_rate"] = 0,
                ["sharpe_ratio"] = 0,
                ["max_drawdown"] = 0,
                ["results"] = new JsonObject { ["trades"] = trades, ["equity_curve"] = equity },
            },
            cancellationToken);
        Assert.True(results.IsSuccessStatusCode, await results.Content.ReadAsStringAsync(cancellationToken));
        return id;
    }

    public static JsonObject Trade(DateTimeOffset entry, DateTimeOffset? exit, string side, double entryPrice, double? exitPrice, double? pnl) => new()
    {
        ["entry_time"] = entry.ToString("O"),
        ["exit_time"] = exit?.ToString("O"),
        ["side"] = side,
        ["entry_price"] = entryPrice,
        ["exit_price"] = exitPrice,
        ["quantity"] = 1,
        ["pnl"] = pnl,
        ["exit_reason"] = exit is null ? null : "signal",
    };

    /// <summary>Replaces a run's stored curve, for curves too long to submit in one request body.</summary>
    public static async Task StoreCurveAsync(string connectionString, long id, long[] time, double[] equity, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE equity_curves SET times = @Time, equity = @Equity WHERE backtest_id = @Id", new { Id = id, Time = time, Equity = equity }, cancellationToken: cancellationToken));
    }

    /// <summary>The drawdown in percent from the running peak, worked out here by the definition, for comparison.</summary>
    public static double[] Drawdown(double[] equity)
    {
        var drawdown = new double[equity.Length];
        var peak = equity.Length == 0 ? 0 : equity[0];
        for (var i = 0; i < equity.Length; i++)
        {
            peak = Math.Max(peak, equity[i]);
            drawdown[i] = (equity[i] - peak) / peak * 100;
        }
        return drawdown;
    }
}
