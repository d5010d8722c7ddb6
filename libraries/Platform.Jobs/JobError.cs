namespace Platform.Jobs;

/// <summary>What an exception means for a job: fail it now, try again, or wait for an outage to end.</summary>
public sealed record JobError(JobErrorKind Kind, string Reason, TimeSpan RetryAfter = default)
{
    /// <summary>No later attempt can succeed (unknown strategy, invalid settings, no candles in the range).</summary>
    public static JobError Permanent(string reason) => new(JobErrorKind.Permanent, reason);

    /// <summary>Another attempt may succeed; it counts towards the limit.</summary>
    public static JobError Transient(string reason) => new(JobErrorKind.Transient, reason);

    /// <summary>Something outside the platform is down: the job waits, holding no worker and using no attempt.</summary>
    public static JobError Upstream(string reason, TimeSpan retryAfter) => new(JobErrorKind.Upstream, reason, retryAfter);
}

public enum JobErrorKind
{
    Permanent,
    Transient,
    Upstream,
}
