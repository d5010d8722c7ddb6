namespace Platform.MarketData.Ingest;

/// <summary>
/// An ingest job row; <see cref="Report"/> (the ingest report) and <see cref="Error"/> (a problem: status, title, detail
/// and, for a strict refusal, the rejected rows) are JSON text.
/// </summary>
internal sealed record IngestJob
{
    public Guid Id { get; init; }

    public Guid UploadId { get; init; }

    public string Symbol { get; init; } = "";

    public string Interval { get; init; } = "";

    public string Format { get; init; } = "";

    public bool Strict { get; init; }

    public string Status { get; init; } = "";

    public long BytesTotal { get; init; }

    public long BytesRead { get; init; }

    public string? Report { get; init; }

    public string? Error { get; init; }

    public int Attempts { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? FinishedAt { get; init; }
}

internal static class IngestStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
