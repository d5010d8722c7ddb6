namespace Platform.Backtests.Backtests;

/// <summary>
/// A <c>backtests</c> row. Init properties rather than a positional record, because Dapper reports <c>text[]</c> columns
/// as <see cref="Array"/> when matching constructors. JSON columns come as text.
/// </summary>
internal sealed record Backtest
{
    public long Id { get; init; }

    public long StrategyId { get; init; }

    /// <summary>The version of the strategy the run executes; null for backtests created before strategies were versioned.</summary>
    public int? StrategyVersion { get; init; }

    public string Symbol { get; init; } = "";

    public string Timeframe { get; init; } = "";

    public DateTime StartDate { get; init; }

    public DateTime EndDate { get; init; }

    public double InitialCapital { get; init; }

    public int Leverage { get; init; }

    public double Commission { get; init; }

    public string? Config { get; init; }

    public string[]? AdditionalTimeframes { get; init; }

    public string? HtfFilters { get; init; }

    public string Status { get; init; } = "";

    public string? ErrorMessage { get; init; }

    public int Attempts { get; init; }

    public string? ClaimedBy { get; init; }

    public DateTime? ClaimedAt { get; init; }

    /// <summary>Until when the holder keeps the run without heartbeating.</summary>
    public DateTime? LeaseUntil { get; init; }

    /// <summary>When a run deferred by an outage outside the platform is tried again.</summary>
    public DateTime? RetryAt { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? CompletedAt { get; init; }

    public double? FinalCapital { get; init; }

    public double? TotalReturn { get; init; }

    public int? TotalTrades { get; init; }

    public int? WinningTrades { get; init; }

    public int? LosingTrades { get; init; }

    public double? WinRate { get; init; }

    public double? SharpeRatio { get; init; }

    public double? SortinoRatio { get; init; }

    public double? MaxDrawdown { get; init; }

    public double? ProfitFactor { get; init; }

    public string? Results { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    /// <summary>The name of the caller who created the run; null for runs created before owners were recorded.</summary>
    public string? Owner { get; init; }
}

internal static class BacktestStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static readonly string[] All = [Queued, Running, Completed, Failed];

    /// <summary>
    /// Moves a client may ask for with <c>PUT</c>: a queued run may be cancelled as failed, a failed one queued again;
    /// running and completed are reached only through claim and results.
    /// </summary>
    public static bool CanChange(string from, string to) => (from, to) switch
    {
        _ when from == to => true,
        (Queued, Failed) or (Failed, Queued) or (Running, Failed) => true,
        _ => false,
    };
}
