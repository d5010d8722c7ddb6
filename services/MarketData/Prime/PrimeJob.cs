namespace Platform.MarketData.Prime;

/// <summary>
/// A backfill job row; <see cref="Cursors"/> is JSON of <see cref="PrimeRange"/> per interval code. Init properties rather
/// than a positional record, because Dapper reports <c>text[]</c> columns as <see cref="Array"/> when matching constructors.
/// </summary>
internal sealed record PrimeJob
{
    public Guid Id { get; init; }

    public string Symbol { get; init; } = "";

    public string[] Intervals { get; init; } = [];

    public long EndMs { get; init; }

    public int LoadLimit { get; init; }

    public string Status { get; init; } = "";

    public int PagesTotal { get; init; }

    public int PagesDone { get; init; }

    public long CandlesStored { get; init; }

    public string? CurrentInterval { get; init; }

    public string Cursors { get; init; } = "{}";

    public string WorkingSets { get; init; } = "{}";

    public string[] Errors { get; init; } = [];

    /// <summary>Why the last attempt ended, or what a deferred job waits for.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When a job deferred while Bybit is unreachable is tried again.</summary>
    public DateTime? RetryAt { get; init; }

    public int Attempts { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? FinishedAt { get; init; }
}

/// <summary>What is left of one interval: open times from <see cref="Next"/> to <see cref="Last"/>, both inclusive.</summary>
internal sealed record PrimeRange(long Next, long Last)
{
    public bool IsDone => Next > Last;
}

internal static class PrimeStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
