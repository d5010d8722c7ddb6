namespace Platform.Optimizations.Grid;

/// <summary>
/// Settings under <c>Optimizations:Grid</c>; the same section holds the <see cref="Platform.Jobs.JobQueueOptions"/> of the
/// chunk and walk-forward queues (concurrency, lease, attempts, retry window).
/// </summary>
internal sealed class GridOptions
{
    public const string Section = "Optimizations:Grid";

    /// <summary>
    /// Positions of the space per chunk, combinations the strategy refuses included: small enough that a lost chunk costs
    /// little, large enough to share indicators. A worker validates only its chunk's combinations.
    /// </summary>
    public int ChunkSize { get; set; } = 50;

    /// <summary>
    /// Trials of a search's batch per chunk: two keep both cores of a worker busy (trials of a chunk run in parallel) while a
    /// batch of eight still spreads over four workers.
    /// </summary>
    public int TrialsPerChunk { get; set; } = 2;

    /// <summary>Largest grid a run may ask for (issue: 100 000 by default; 422 beyond).</summary>
    public long MaxCombinations { get; set; } = 100_000;

    /// <summary>
    /// Most values one parameter's list or range may hold (422 beyond), checked before duplicates are dropped so that a
    /// long list is refused without being read; 10,000 is ten times what a grid of two such parameters could use.
    /// </summary>
    public int MaxValuesPerParameter { get; set; } = 10_000;
}
