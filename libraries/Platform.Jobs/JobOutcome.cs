namespace Platform.Jobs;

/// <summary>What a worker did with a job: the entry is acknowledged, dead-lettered, or put back for another worker.</summary>
public sealed record JobOutcome(JobOutcomeKind Kind, string? Reason = null)
{
    public static JobOutcome Done { get; } = new(JobOutcomeKind.Done);

    /// <summary>Nothing to do: the job is finished, gone, or running under another worker's live claim.</summary>
    public static JobOutcome Skipped { get; } = new(JobOutcomeKind.Skipped);

    /// <summary>The worker stopped and released its claim; the job goes back on the stream.</summary>
    public static JobOutcome Released { get; } = new(JobOutcomeKind.Released);

    public static JobOutcome Failed(string reason) => new(JobOutcomeKind.Failed, reason);
}

public enum JobOutcomeKind
{
    Done,
    Skipped,
    Released,
    Failed,
}
