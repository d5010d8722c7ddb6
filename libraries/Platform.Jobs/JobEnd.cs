namespace Platform.Jobs;

/// <summary>How a claimed job left its worker.</summary>
public enum JobEnd
{
    Completed,

    /// <summary>Failed for good, on the dead-letter stream.</summary>
    Failed,

    /// <summary>Back in the queue: an error another attempt may overcome, or the worker shutting down.</summary>
    Released,

    /// <summary>Back in the queue until an outage outside the platform should be over.</summary>
    Deferred,

    /// <summary>No longer this worker's: cancelled, or its lease was taken over; nothing written.</summary>
    Abandoned,
}
