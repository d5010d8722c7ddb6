using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Jobs;
using Platform.MarketData.Ingest;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.MarketData.Uploads;

internal static class UploadsApi
{
    /// <summary>
    /// Uploads kept in PostgreSQL (so any replica can ingest them) and their ingestion (docs/api-behaviour.md, 4.7–4.10,
    /// 4.15); only the uploader or an admin deletes or ingests one (docs/security.md, 3).
    /// </summary>
    public static RouteGroupBuilder MapUploadsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/marketdata").WithTags("Uploads");
        group.MapPost("/upload", UploadReceiver.ReceiveAsync)
            .WithName("Upload")
            .Documented(
                "Store a CSV or JSONL candle file (optionally gzip) for a later ingest",
                "multipart/form-data with `file`, `symbol` and `interval`; streamed into PostgreSQL in one transaction, capped by "
                + "`Uploads:MaxBytes` (100 MiB), and gzip by `Uploads:MaxInflatedBytes` (1 GiB) and `Uploads:MaxCompressionRatio` (100): "
                + "413 beyond, with nothing stored. Only `.csv` and `.jsonl` names, optionally `.gz`, holding UTF-8 text of that format: "
                + "415 otherwise, 422 when unreadable. Missing parts or a bad symbol or interval are 400. A file already stored (same "
                + "SHA-256) is reported with `duplicate: true`, not stored twice.")
            .Accepts<UploadForm>("multipart/form-data")
            .WithRequestExample(new { file = "btcusdt_60.csv.gz", symbol = "BTCUSDT", interval = "60" })
            .WithResponseExample(UploadExamples.Upload)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity)
            .AcceptsStreamedBody()
            .DisableAntiforgery();
        group.MapGet("/uploads", ListAsync)
            .WithName("ListUploads")
            .Documented(
                "The stored uploads, newest first, a page at a time",
                "Uploads with the fields the upload answered, and `total`, the count of every upload the filter matches. `owner` (`me` or a "
                + "name) narrows it to one uploader's; `limit` 1–1000 (default 100, clamped), `offset` ≥ 0. A blank owner or a negative "
                + "offset is 400.")
            .WithResponseExample(UploadExamples.List)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapDelete("/uploads/{uploadId}", DeleteAsync)
            .WithName("DeleteUpload")
            .Documented(
                "Delete an upload (its stored candles stay)",
                "204; 400 \"invalid upload_id\" (not a UUID); 404 \"upload not found\"; 403 for anyone but the uploader or an admin.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapPost("/uploads/{uploadId}/ingest", IngestApi.IngestAsync)
            .WithName("IngestUpload")
            .Documented(
                "Validate an upload's candles and upsert them in one transaction",
                "Form fields, all optional: `symbol`, `interval`, `fmt` (csv or jsonl) default to the upload's; `strict` (1/true) refuses "
                + "the whole file for one bad row. Valid rows are upserted on (symbol, interval, open time) in one transaction, then the "
                + "working set is rebuilt. Answered at once (200 with the report) up to `Ingest:SynchronousBytes` (16 MiB) of text; a "
                + "larger upload is ingested by a job: 202 with its `Location`. Errors in order: 400 invalid id, 404 \"upload not found\", "
                + "403 for anyone but the uploader or an admin, 400 bad fields, 422 when the file cannot be read (or, strict, has a bad "
                + "row), 413 for gzip text past the upload limits.")
            .Accepts<IngestForm>(isOptional: true, "application/x-www-form-urlencoded", "multipart/form-data")
            .WithRequestExample(new { symbol = "BTCUSDT", interval = "60", fmt = "csv", strict = "0" })
            .WithResponseExample(UploadExamples.IngestReport)
            .WithResponseExample(UploadExamples.IngestJob, StatusCodes.Status202Accepted)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
        group.MapGet("/uploads/{uploadId}/ingest/{jobId}", IngestApi.GetJobAsync)
            .WithName("GetIngestJob")
            .Documented(
                "An ingest run as a job",
                "Status queued|running|completed|failed with `bytes_read` of `bytes_total` and `progress` (0–1). `completed`: `report` is "
                + "the ingest's 200 body; `failed`: `error` is the problem the synchronous answer would have been, and nothing was written. "
                + "400 for an `upload_id` or `job_id` that is not a UUID; 404 \"Ingest job not found\" (unknown, or another upload's).")
            .WithResponseExample(UploadExamples.IngestJob)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return group;
    }

    public static IHostApplicationBuilder AddUploads(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<UploadOptions>(builder.Configuration.GetSection(UploadOptions.Section));
        builder.Services.Configure<IngestOptions>(builder.Configuration.GetSection(IngestOptions.Section));
        builder.AddJobQueue<IngestJob, IngestWorker>(IngestApi.StreamName, IngestJobStore.Table, IngestOptions.Section, options =>
        {
            options.Concurrency = 1;
            options.HeartbeatInterval = TimeSpan.FromSeconds(1);
        });
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddSingleton<IngestJobStore>();
        builder.Services.AddScoped<IngestService>();
        return builder;
    }

    private static async Task<Results<Ok<UploadList>, ValidationProblem>> ListAsync(
        [AsParameters] ListUploadsQuery query, ClaimsPrincipal user, UploadStore uploads, CancellationToken cancellationToken)
    {
        if (query.Validate(user) is not { } filter)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }
        var (rows, total) = await uploads.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(new UploadList(rows.Select(upload => UploadView.From(upload)).ToList(), total));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteAsync(
        string uploadId, ClaimsPrincipal user, UploadStore uploads, CancellationToken cancellationToken)
    {
        if (!TryParseId(uploadId, out var id))
        {
            return InvalidId();
        }
        return await uploads.DeleteAsync(id, Ownership.ChangerOf(user), cancellationToken) switch
        {
            UploadDeletion.Deleted => TypedResults.NoContent(),
            UploadDeletion.Forbidden forbidden => NotOwner(forbidden.Owner),
            _ => NotFound(),
        };
    }

    public static bool TryParseId(string value, out Guid id) => Guid.TryParse(value, out id);

    public static ValidationProblem InvalidId() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["upload_id"] = ["invalid upload_id"] });

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "upload not found", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult NotOwner(string? owner) => Ownership.Forbidden("upload", owner);
}

/// <summary>
/// Query of <c>GET /uploads</c> (docs/api-behaviour.md, 4.8), paged as the backtests list is: <c>limit</c> clamped to
/// 1–1000, <c>offset</c> 0 or more; <c>owner</c> read with <see cref="Ownership.ListFilter"/>.
/// </summary>
internal sealed record ListUploadsQuery(string? Owner, int? Limit, int? Offset)
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    public Dictionary<string, string[]> Errors { get; } = [];

    public UploadFilter? Validate(ClaimsPrincipal user)
    {
        var owner = Ownership.ListFilter(user, Owner, Errors);
        if (Offset is < 0)
        {
            Errors["offset"] = ["offset must be 0 or more."];
        }
        return Errors.Count > 0 ? null : new UploadFilter(owner, Math.Clamp(Limit ?? DefaultLimit, 1, MaxLimit), Offset ?? 0);
    }
}

/// <summary>Which uploads a list shows: one owner's (null: everyone's), and the page.</summary>
internal sealed record UploadFilter(string? Owner, int Limit, int Offset);
