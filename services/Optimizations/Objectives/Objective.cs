using Platform.Engine.Metrics;
using Platform.Engine.Strategies;

namespace Platform.Optimizations.Objectives;

/// <summary>
/// What an optimization ranks by: one result metric, maximized or minimized, among the combinations that meet the
/// constraints. Ties go to the parameters whose text sorts first, so the same grid always has the same best.
/// </summary>
internal sealed record Objective(string Metric, bool Maximize, ObjectiveConstraints Constraints)
{
    private static readonly Dictionary<string, Func<BacktestMetrics, double?>> Metrics = new(StringComparer.Ordinal)
    {
        ["sharpe_ratio"] = metrics => metrics.SharpeRatio,
        ["sortino_ratio"] = metrics => metrics.SortinoRatio,
        ["total_return"] = metrics => metrics.TotalReturn,
        ["final_capital"] = metrics => metrics.FinalCapital,
        ["win_rate"] = metrics => metrics.WinRate,
        ["max_drawdown"] = metrics => metrics.MaxDrawdown,
        ["profit_factor"] = metrics => metrics.ProfitFactor,
        ["calmar_ratio"] = metrics => metrics.CalmarRatio,
        ["cagr_pct"] = metrics => metrics.CagrPct,
        ["expectancy"] = metrics => metrics.Expectancy,
        ["total_trades"] = metrics => metrics.TotalTrades,
        ["net_profit"] = metrics => metrics.Metrics.NetProfit,
    };

    /// <summary>Metrics that are better when smaller; the others are better when larger.</summary>
    private static readonly HashSet<string> LowerIsBetter = ["max_drawdown"];

    public static IReadOnlyCollection<string> MetricNames => Metrics.Keys;

    /// <summary>The metric's natural direction: <c>max_drawdown</c> is minimized, everything else maximized.</summary>
    public static bool DefaultMaximize(string metric) => !LowerIsBetter.Contains(metric);

    public static bool IsKnown(string metric) => Metrics.ContainsKey(metric);

    /// <summary>The score of a run, or null when it breaks a constraint or the metric is undefined (e.g. no losses for profit factor).</summary>
    public double? Score(BacktestMetrics metrics)
    {
        if (Constraints.MinTrades is { } minTrades && metrics.TotalTrades < minTrades
            || Constraints.MaxDrawdown is { } maxDrawdown && metrics.MaxDrawdown > maxDrawdown)
        {
            return null;
        }
        return Metrics[Metric](metrics) is { } value && double.IsFinite(value) ? value : null;
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>: better score first, then parameter text.</summary>
    public int Compare(double scoreA, StrategySpec a, double scoreB, StrategySpec b)
    {
        var byScore = Maximize ? scoreB.CompareTo(scoreA) : scoreA.CompareTo(scoreB);
        return byScore != 0 ? byScore : string.CompareOrdinal(a.Parameters.ToString(), b.Parameters.ToString());
    }
}

/// <summary>Runs that do not count: fewer trades than <see cref="MinTrades"/>, or a drawdown deeper than <see cref="MaxDrawdown"/> (fraction).</summary>
internal sealed record ObjectiveConstraints(int? MinTrades = null, double? MaxDrawdown = null);
