using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Metrics;
using Platform.Engine.Strategies;

namespace Platform.Optimizations.Objectives;

/// <summary>
/// What a run was started with, stored on the optimization (<c>objective</c> column) so that every worker derives the same
/// combinations and ranks them the same way: the strategy's type and stored parameters, and the objective.
/// </summary>
internal sealed record RunSpec(string StrategyType, JsonObject? StrategyDefaults, string Metric, bool Maximize, int? MinTrades, double? MaxDrawdown)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Objective Objective => new(Metric, Maximize, new ObjectiveConstraints(MinTrades, MaxDrawdown));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunSpec Parse(string json) => JsonSerializer.Deserialize<RunSpec>(json, Json)!;

    /// <summary>Parameters as a JSON object with names in ordinal order: the stored form, and the tie-breaker between equal scores.</summary>
    public static JsonObject Parameters(StrategySpec spec) =>
        new(spec.Parameters.Values.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => KeyValuePair.Create(pair.Key, JsonSerializer.SerializeToNode(pair.Value))));

    /// <summary>The names of <see cref="KeyMetrics"/>, in its order (stored rows come back in jsonb's order of keys).</summary>
    public static ImmutableArray<string> KeyMetricNames { get; } =
        ["total_return", "sharpe_ratio", "sortino_ratio", "max_drawdown", "win_rate", "total_trades", "profit_factor", "final_capital", "net_profit"];

    /// <summary>The key metrics a result row keeps besides its score.</summary>
    public static JsonObject KeyMetrics(BacktestMetrics metrics) => new()
    {
        ["total_return"] = metrics.TotalReturn,
        ["sharpe_ratio"] = metrics.SharpeRatio,
        ["sortino_ratio"] = metrics.SortinoRatio,
        ["max_drawdown"] = metrics.MaxDrawdown,
        ["win_rate"] = metrics.WinRate,
        ["total_trades"] = metrics.TotalTrades,
        ["profit_factor"] = metrics.ProfitFactor,
        ["final_capital"] = metrics.FinalCapital,
        ["net_profit"] = metrics.Metrics.NetProfit,
    };
}
