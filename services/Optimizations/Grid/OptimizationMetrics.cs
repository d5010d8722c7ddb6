using System.Diagnostics.Metrics;

namespace Platform.Optimizations.Grid;

/// <summary>The work counters of the optimizations service on the <c>Platform.Optimizations</c> meter, exported on <c>/metrics</c>.</summary>
internal sealed class OptimizationMetrics
{
    public const string MeterName = "Platform.Optimizations";

    private readonly Counter<long> _combinations;
    private readonly Counter<long> _chunks;

    public OptimizationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _combinations = meter.CreateCounter<long>("optimizations.combinations.evaluated", "{combination}", "Parameter combinations evaluated and written by this replica.");
        _chunks = meter.CreateCounter<long>("optimizations.chunks.completed", "{chunk}", "Grid chunks completed by this replica.");
    }

    public void ChunkCompleted(int combinations)
    {
        _combinations.Add(combinations);
        _chunks.Add(1);
    }
}
