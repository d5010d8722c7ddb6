namespace Platform.Jobs;

/// <summary>
/// A table whose rows are jobs (docs/architecture.md, 3.2). Every job table has the job columns <c>status</c>
/// (<c>queued</c>, <c>running</c>, <c>failed</c>, and its own done and cancelled states), <c>claimed_by</c>,
/// <c>heartbeat_at</c>, <c>lease_until</c>, <c>attempts</c>, <c>error_message</c>, <c>retry_at</c>, <c>deferred_since</c>
/// and <c>updated_at</c>; the fragments below add what a kind needs beyond them.
/// </summary>
public sealed record JobTable(string Name, JobKey Key)
{
    /// <summary>The columns a claim returns, mapped to the kind's job record.</summary>
    public required string Returning { get; init; }

    /// <summary>A predicate a job must also meet to be claimed or kept (for example: its run is still live); <c>true</c> when none.</summary>
    public string Claimable { get; init; } = "true";

    /// <summary>Assignments a claim adds to the job columns' (for example <c>started_at = now()</c>).</summary>
    public string? OnClaim { get; init; }

    /// <summary>Assignments a heartbeat adds, with the parameters of <see cref="JobContext.ReportProgress"/>.</summary>
    public string? OnProgress { get; init; }

    /// <summary>Assignments a failure adds (for example <c>completed_at = now()</c>); <c>@Error</c> is the reason.</summary>
    public string? OnFail { get; init; }

    /// <summary>Statements run in the failing transaction after the row is failed, with <c>@Id</c> and <c>@Error</c>.</summary>
    public string? AfterFail { get; init; }
}

/// <summary>How a job's id is written on the stream and typed in SQL.</summary>
public sealed record JobKey(string SqlType, Func<string, object?> Parse)
{
    public static JobKey Int64 { get; } = new("bigint", text => long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null);

    public static JobKey Uuid { get; } = new("uuid", text => Guid.TryParse(text, out var id) ? id : null);
}
