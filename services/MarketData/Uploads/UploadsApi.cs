using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Jobs;
using Platform.MarketData.Ingest;
using Platform.ServiceDefaults.Identity;

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
            .WithSummary("Store a CSV or JSONL candle file (optionally gzip) for a later ingest")
            .WithDescription("multipart/form-data with `file`, `symbol` and `interval`; streamed, capped by `Uploads:MaxBytes`, and gzip by `Uploads:MaxInflatedBytes` and `Uploads:MaxCompressionRatio` (413 beyond). A file already stored (same SHA-256) is reported with `duplicate: true`, not stored twice.")
            .Accepts<IFormFile>("multipart/form-data")
            .AcceptsStreamedBody()
            .DisableAntiforgery();
        group.MapGet("/uploads", ListAsync).WithName("ListUploads");
        group.MapDelete("/uploads/{uploadId}", DeleteAsync).WithName("DeleteUpload");
        group.MapPost("/uploads/{uploadId}/ingest", IngestApi.IngestAsync)
            .WithName("IngestUpload")
            .WithSummary("Validate an upload's candles and upsert them in one transaction")
            .WithDescription("Answered at once (200 with the report) up to `Ingest:SynchronousBytes` of text; a larger upload is ingested by a job: 202 with its `Location`.")
            .DisableAntiforgery();
        group.MapGet("/uploads/{uploadId}/ingest/{jobId}", IngestApi.GetJobAsync).WithName("GetIngestJob");
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
