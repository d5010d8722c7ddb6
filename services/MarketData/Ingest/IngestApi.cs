using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Jobs;
using Platform.MarketData.Markets;
using Platform.MarketData.Uploads;
using Platform.ServiceDefaults.Identity;

namespace Platform.MarketData.Ingest;

internal static class IngestApi
{
    public const string StreamName = "marketdata:ingest";

    /// <summary>
    /// The contract's ingest with honest counts (docs/api-behaviour.md, 4.10): answered at once for uploads up to
    /// <see cref="IngestOptions.SynchronousBytes"/> of text, otherwise run as a job the client polls (4.15), so that no
    /// request outlives the gateway's timeout. <c>strict=1</c> refuses the whole file (422) on any bad row. Only the
    /// uploader or an admin ingests an upload (docs/security.md, 3).
    /// </summary>
    public static async Task<Results<Ok<IngestReport>, Accepted<IngestJobView>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        string uploadId, HttpRequest http, ClaimsPrincipal user, [AsParameters] IngestServices services, CancellationToken cancellationToken)
    {
        // Every field is optional, so an empty body is fine; minimal API form binding would refuse it.
        var form = http.HasFormContentType ? await http.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var request = new IngestRequest(form["symbol"], form["interval"], form["fmt"], form["strict"]);
        if (!UploadsApi.TryParseId(uploadId, out var id))
        {
            return UploadsApi.InvalidId();
        }
        if (await services.Uploads.GetAsync(id, cancellationToken) is not { } upload)
        {
            return UploadsApi.NotFound();
        }
        // An owner is set at upload and never changes, so the check holds for the ingest below.
        if (!Ownership.MayChange(user, upload.Owner))
        {
            return UploadsApi.NotOwner(upload.Owner);
        }
        if (request.Validate(upload) is not { } settings)
        {
            return TypedResults.ValidationProblem(request.Errors);
        }

        if (TextSize(upload, services.Limits.Value) > services.Options.Value.SynchronousBytes)
        {
            var job = await services.Jobs.CreateAsync(upload.Id, settings, upload.Size, cancellationToken);
            await services.Queue.EnqueueAsync(job.Id.ToString());
            return TypedResults.Accepted(JobPath(job), IngestJobView.From(job));
        }
        var outcome = await services.Ingest.IngestAsync(upload, settings, null, cancellationToken);
        return outcome.Report is { } report ? TypedResults.Ok(report) : outcome.Failure!.ToResult();
    }

    /// <summary>An ingest job and, once it ends, its report or its problem (docs/api-behaviour.md, 4.15).</summary>
    public static async Task<Results<Ok<IngestJobView>, ValidationProblem, ProblemHttpResult>> GetJobAsync(
        string uploadId, string jobId, IngestJobStore jobs, CancellationToken cancellationToken)
    {
        if (!UploadsApi.TryParseId(uploadId, out var upload))
        {
            return UploadsApi.InvalidId();
        }
        if (!Guid.TryParse(jobId, out var id))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["job_id"] = ["job_id must be a UUID."] });
        }
        return await jobs.GetAsync(id, cancellationToken) is { } job && job.UploadId == upload
            ? TypedResults.Ok(IngestJobView.From(job))
            : TypedResults.Problem($"No ingest job {id} of upload {upload:N}.", statusCode: StatusCodes.Status404NotFound, title: "Ingest job not found");
    }

    public static string JobPath(IngestJob job) => $"/api/v1/marketdata/uploads/{job.UploadId:N}/ingest/{job.Id}";

    /// <summary>
    /// The size of the text the ingest will parse: measured at upload, or for uploads stored before it was, the stored
    /// size, taken at the largest ratio a compressed one may inflate by.
    /// </summary>
    private static long TextSize(Upload upload, UploadOptions limits) =>
        upload.InflatedSize ?? (upload.Compressed ? (long)(upload.Size * limits.MaxCompressionRatio) : upload.Size);
}

internal sealed record IngestServices(
    UploadStore Uploads,
    IngestService Ingest,
    IngestJobStore Jobs,
    JobQueue<IngestJob> Queue,
    IOptions<IngestOptions> Options,
    IOptions<UploadOptions> Limits);

/// <summary>Form fields of an ingest; symbol, interval and format default to what the upload was stored with.</summary>
internal sealed record IngestRequest(string? Symbol, string? Interval, string? Fmt, string? Strict)
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public IngestSettings? Validate(Upload upload)
    {
        var symbol = MarketInput.Symbol(string.IsNullOrWhiteSpace(Symbol) ? upload.Symbol : Symbol, Errors);
        var interval = MarketInput.Interval("interval", string.IsNullOrWhiteSpace(Interval) ? upload.Interval : Interval, Errors);
        var format = (string.IsNullOrWhiteSpace(Fmt) ? upload.Format : Fmt).ToLowerInvariant() switch
        {
            "csv" => CandleFileFormat.Csv,
            "jsonl" => CandleFileFormat.Jsonl,
            _ => (CandleFileFormat?)null,
        };
        if (format is null)
        {
            Errors["fmt"] = ["unsupported format: csv or jsonl."];
        }
        return Errors.Count == 0 ? new IngestSettings(symbol, interval, format!.Value, Strict is "1" or "true" or "True") : null;
    }
}

internal sealed record IngestSettings(string Symbol, Platform.Engine.Data.Interval Interval, CandleFileFormat Format, bool Strict);
