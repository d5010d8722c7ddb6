namespace Platform.MarketData.Prime;

/// <summary>A backfill job row; <see cref="Cursors"/> is JSON of <see cref="PrimeRange"/> per interval code.</summary>
internal sealed record PrimeJob(
    Guid Id,
    string Symbol,
    string[] Intervals,
    long EndMs,
    int LoadLimit,
    string Status,
    int PagesTotal,
    int PagesDone,
    long CandlesStored,
    string? CurrentInterval,
    string Cursors,
    string WorkingSets,
    string[] Errors,
    int Attempts,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt);

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
