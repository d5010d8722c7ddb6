using Platform.MarketData.Candles;

namespace Platform.MarketData.Ingest;

/// <summary>
/// The answer of an ingest (the contract's fields, counted honestly; docs/api-behaviour.md, 4.10): <c>ingested</c> = inserted + updated;
/// <c>duplicates</c> = rows repeating another row of the file or already stored unchanged; <c>skipped</c> = rejected rows.
/// </summary>
internal sealed record IngestReport(
    string UploadId,
    string Symbol,
    string Interval,
    string Format,
    string Layout,
    bool Strict,
    long Ingested,
    long Inserted,
    long Updated,
    long Duplicates,
    long Skipped,
    long Rejected,
    IReadOnlyList<RejectedRow> RejectedRows,
    long? EarliestMs,
    long? LatestMs,
    IReadOnlyList<QualityGap> Gaps,
    int UpdatedWorkingSet);

internal sealed record RejectedRow(long Row, string Reason);
