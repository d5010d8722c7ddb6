using Platform.Engine.Filters;

namespace Platform.Engine.Optimization;

public sealed record GridOptions
{
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public IReadOnlyList<TrendFilter> Filters { get; init; } = [];
}
