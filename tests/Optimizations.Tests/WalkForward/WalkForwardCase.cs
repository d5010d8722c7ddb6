using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Optimization;
using Platform.Engine.Strategies;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

/// <summary>The shared small case: 10 days of hourly waves, a 3 × 3 SMA-crossover grid, Sharpe maximized.</summary>
internal static class WalkForwardCase
{
    public static readonly CandleSeries Candles = SyntheticCandles.Hourly(10);

    public static readonly IReadOnlyList<StrategySpec> Combinations = [.. ParameterGrid
        .Expand(StrategyCatalog.Default, "sma_crossover", new Dictionary<string, IReadOnlyList<double>> { ["fast"] = [2, 3, 5], ["slow"] = [8, 12, 20] })
        .Select(combination => combination.Value!)];

    public static readonly BacktestSettings Settings = new() { Direction = TradeDirection.Both };

    public static readonly Objective Sharpe = new("sharpe_ratio", Maximize: true, new ObjectiveConstraints());

    public static WalkForwardPlan Plan(WindowSettings windows)
    {
        var plan = WalkForwardPlan.Create(Candles, windows, []);
        return plan ?? throw new InvalidOperationException("the case's plan is valid");
    }

    public static WalkForwardResult Run(WalkForwardPlan plan, Objective? objective = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        return WalkForwardRunner.Run(Candles, Combinations, Settings, objective ?? Sharpe, plan, timeout.Token, progress);
    }
}
