namespace Platform.Optimizations.Grid;

/// <summary>Settings under <c>Optimizations:Grid</c>.</summary>
internal sealed class GridOptions
{
    public const string Section = "Optimizations:Grid";

    /// <summary>Chunks one replica evaluates at once (each on all cores); 0 makes an API-only replica.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Combinations per chunk: small enough that a lost chunk costs little, large enough to share indicators.</summary>
    public int ChunkSize { get; set; } = 50;

    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxAttempts { get; set; } = 3;

    /// <summary>Largest grid a run may ask for (issue: 100 000 by default; 422 beyond).</summary>
    public long MaxCombinations { get; set; } = 100_000;
}
