using System.Text.Json.Nodes;

namespace Platform.MarketData.Ingest;

/// <summary>
/// What <c>GET .../ingest/{job_id}</c> shows (docs/api-behaviour.md, 4.15): progress in stored bytes read, then the ingest
/// report (4.10) when <c>completed</c>, or the problem that stopped it when <c>failed</c>.
/// </summary>
internal sealed record IngestJobView(
    Guid JobId,
    string UploadId,
    string Symbol,
    string Interval,
    string Format,
    bool Strict,
    string Status,
    long BytesRead,
    long BytesTotal,
    double Progress,
    int Attempts,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    JsonNode? Report,
    JsonNode? Error)
{
    public static IngestJobView From(IngestJob job) => new(
        job.Id,
        job.UploadId.ToString("N"),
        job.Symbol,
        job.Interval,
        job.Format,
        job.Strict,
        job.Status,
        job.BytesRead,
        job.BytesTotal,
        job.BytesTotal == 0 ? 1 : Math.Round((double)job.BytesRead / job.BytesTotal, 4),
        job.Attempts,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.Report is null ? null : JsonNode.Parse(job.Report),
        job.Error is null ? null : JsonNode.Parse(job.Error));
}
