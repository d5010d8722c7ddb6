namespace Platform.Optimizations.Optimizations;

/// <summary>An <c>optimizations</c> row; JSON columns come as text.</summary>
internal sealed record Optimization
{
    public long Id { get; init; }

    public long StrategyId { get; init; }

    public string OptimizationType { get; init; } = "";

    public string Symbol { get; init; } = "";

    public string Timeframe { get; init; } = "";

    public DateTime StartDate { get; init; }

    public DateTime EndDate { get; init; }

    public string ParamRanges { get; init; } = "{}";

    public string Metric { get; init; } = "";

    public double InitialCapital { get; init; }

    public int TotalCombinations { get; init; }

    public string? Config { get; init; }

    public string? Objective { get; init; }

    public string? Windows { get; init; }

    public string Status { get; init; } = "";

    public string? BestParams { get; init; }

    public double? BestScore { get; init; }

    public string? Results { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>When a walk-forward run deferred by an outage outside the platform is tried again.</summary>
    public DateTime? RetryAt { get; init; }

    public Guid? JobId { get; init; }

    public string? RunType { get; init; }

    public int CombinationsDone { get; init; }

    public int ChunksTotal { get; init; }

    public int ChunksDone { get; init; }

    public int Attempts { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? CompletedAt { get; init; }

    /// <summary>The name of the caller who created it; null for optimizations created before owners were recorded.</summary>
    public string? Owner { get; init; }
}

internal static class OptimizationStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [Queued, Running, Completed, Failed, Cancelled];

    public static bool IsActive(string status) => status is Running || status is Queued;

    /// <summary>
    /// What <c>PUT</c> may ask: cancel a queued or running run, or put a finished one back to queued so it can run again;
    /// running and completed are reached only by the workers.
    /// </summary>
    public static bool CanChange(string from, string to) => (from, to) switch
    {
        _ when from == to => true,
        (Queued or Running, Cancelled) => true,
        (Failed or Cancelled or Completed, Queued) => true,
        _ => false,
    };
}
