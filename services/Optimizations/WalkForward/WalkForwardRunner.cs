using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Optimization;
using Platform.Engine.Strategies;
using Platform.Optimizations.Objectives;

namespace Platform.Optimizations.WalkForward;

/// <summary>
/// Runs a walk-forward analysis (docs/api-behaviour.md, 3.9): per planned window, the grid on the in-sample candles, the best
/// combination by the objective, and a backtest of it on the out-of-sample candles alone (its indicators warm up inside the
/// window, as the original sliced the data). Windows where no combination scores are skipped. Deterministic.
/// </summary>
internal static class WalkForwardRunner
{
    /// <param name="windowsDone">Told the number of windows finished (evaluated or skipped) after each one.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled; it is checked between windows and between combinations.</exception>
    /// <exception cref="ArgumentException">No combinations, or a plan made for other candles.</exception>
    public static WalkForwardResult Run(
        CandleSeries candles,
        IReadOnlyList<StrategySpec> combinations,
        BacktestSettings settings,
        Objective objective,
        WalkForwardPlan plan,
        CancellationToken cancellationToken,
        IProgress<int>? windowsDone = null)
    {
        if (combinations.Count == 0)
        {
            throw new ArgumentException("At least one combination is needed.", nameof(combinations));
        }
        if (!plan.Matches(candles))
        {
            throw new ArgumentException("The plan was made for another candle series.", nameof(plan));
        }
        var windows = new List<WalkForwardWindow>();
        var segments = new List<EquitySegment>();
        var skipped = new List<SkippedWindow>();
        foreach (var planned in plan.Windows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (window, segment, skipReason) = Evaluate(candles, planned, combinations, settings, objective, cancellationToken);
            if (window is not null && segment is not null)
            {
                windows.Add(window);
                segments.Add(segment);
            }
            else
            {
                skipped.Add(new SkippedWindow(planned.Index, skipReason!));
            }
            windowsDone?.Report(planned.Index + 1);
        }
        var summary = WalkForwardSummary.Compute(windows, objective.Metric);
        var efficiency = WalkForwardEfficiency.Mean(windows);
        var stability = ParameterStability.Compute(windows, VariedParameters(combinations));
        return new WalkForwardResult(
            windows,
            summary,
            WalkForwardConfig.Create(plan, objective, windows.Count),
            skipped,
            efficiency,
            stability,
            OverfittingVerdict.Assess(windows, summary, efficiency, stability),
            EquityStitcher.Stitch(segments, settings.InitialCapital));
    }

    private static (WalkForwardWindow? Window, EquitySegment? Segment, string? SkipReason) Evaluate(
        CandleSeries candles,
        PlannedWindow planned,
        IReadOnlyList<StrategySpec> combinations,
        BacktestSettings settings,
        Objective objective,
        CancellationToken cancellationToken)
    {
        if (planned.IsBars.Count == 0)
        {
            return (null, null, "the in-sample window holds no candles");
        }
        if (planned.OosBars.Count == 0)
        {
            return (null, null, "the out-of-sample window holds no candles");
        }
        var grid = GridSearch.Run(Slice(candles, planned.IsBars), combinations, settings, cancellationToken: cancellationToken);
        if (Best(grid, objective) is not { } found)
        {
            return (null, null, "no combination scored in-sample (every one broke a constraint or had no value for the metric)");
        }
        var (best, score) = found;
        var oos = Backtester.Run(Slice(candles, planned.OosBars), best.Strategy, settings);
        var isAnnualized = WalkForwardEfficiency.Annualize(best.Metrics.TotalReturn, planned.IsStartMs, planned.IsEndMs);
        var oosAnnualized = WalkForwardEfficiency.Annualize(oos.Metrics.TotalReturn, planned.OosStartMs, planned.OosEndMs);
        var window = new WalkForwardWindow(
            planned.Index,
            DateTimeOffset.FromUnixTimeMilliseconds(planned.IsStartMs),
            DateTimeOffset.FromUnixTimeMilliseconds(planned.IsEndMs),
            DateTimeOffset.FromUnixTimeMilliseconds(planned.OosStartMs),
            DateTimeOffset.FromUnixTimeMilliseconds(planned.OosEndMs),
            best.Strategy.Parameters.Values,
            WindowMetrics.From(best.Metrics),
            WindowMetrics.From(oos.Metrics),
            best.Strategy.Name,
            score,
            (objective with { Constraints = new ObjectiveConstraints() }).Score(oos.Metrics),
            planned.IsBars.Count,
            planned.OosBars.Count,
            isAnnualized,
            oosAnnualized,
            WalkForwardEfficiency.Ratio(isAnnualized, oosAnnualized));
        return (window, new EquitySegment(oos.Time, oos.Equity), null);
    }

    /// <summary>The best-ranked scored result; <see cref="Objective.Compare"/> breaks ties, so the choice never depends on order.</summary>
    private static (GridResult Result, double Score)? Best(IReadOnlyList<GridResult> grid, Objective objective)
    {
        (GridResult Result, double Score)? best = null;
        foreach (var result in grid)
        {
            if (objective.Score(result.Metrics) is { } score
                && (best is not { } current || objective.Compare(score, result.Strategy, current.Score, current.Result.Strategy) < 0))
            {
                best = (result, score);
            }
        }
        return best;
    }

    /// <summary>Parameters that take more than one value across the combinations: the ones whose stability means something.</summary>
    private static IEnumerable<string> VariedParameters(IReadOnlyList<StrategySpec> combinations) => combinations
        .SelectMany(combination => combination.Parameters.Values)
        .GroupBy(parameter => parameter.Key, StringComparer.Ordinal)
        .Where(group => group.Select(parameter => parameter.Value).Distinct().Skip(1).Any())
        .Select(group => group.Key)
        .Order(StringComparer.Ordinal);

    private static CandleSeries Slice(CandleSeries candles, BarRange bars)
    {
        var (start, length) = (bars.Start, bars.Count);
        var slice = CandleSeries.Create(
            candles.Interval,
            candles.OpenTime.Slice(start, length),
            candles.Open.Slice(start, length),
            candles.High.Slice(start, length),
            candles.Low.Slice(start, length),
            candles.Close.Slice(start, length),
            candles.Volume.Slice(start, length));
        return slice.Series ?? throw new InvalidOperationException($"A slice of a valid series failed validation: {slice.Error}");
    }
}
