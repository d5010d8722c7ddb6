using Platform.Engine.Filters;

namespace Platform.Engine.Optimization;

public sealed record GridOptions
{
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public IReadOnlyList<TrendFilter> Filters { get; init; } = [];

    /// <summary>
    /// When above 0, each result carries its equity's returns over this many consecutive periods of equal bar counts
    /// (<see cref="GridResult.PeriodReturns"/>): what cross-validating the selection needs (the probability of backtest
    /// overfitting) without keeping every equity curve.
    /// </summary>
    public int ReturnPeriods { get; init; }
}
