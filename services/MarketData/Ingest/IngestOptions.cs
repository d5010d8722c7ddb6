namespace Platform.MarketData.Ingest;

/// <summary>
/// Settings under <c>Ingest</c> (docs/api-behaviour.md, 4.10 and 4.15); the same section holds the
/// <see cref="Platform.Jobs.JobQueueOptions"/> of the ingest queue.
/// </summary>
internal sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>
    /// Largest upload text, in bytes, ingested within the request (16 MiB by default); larger ones become jobs (202). About
    /// 250,000 one-minute rows, ingested in about 2.5 s at the 110,000 rows a second measured for a million rows
    /// (bench/MarketData.Bench), far inside the gateway's 30 s request timeout even on a busy replica.
    /// </summary>
    public long SynchronousBytes { get; set; } = 16L << 20;
}
