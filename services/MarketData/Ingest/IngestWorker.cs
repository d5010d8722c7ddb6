using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Data;
using Platform.Jobs;
using Platform.MarketData.Uploads;
using Platform.ServiceDefaults.Data;

namespace Platform.MarketData.Ingest;

/// <summary>
/// Runs ingest jobs from the ingest stream, each in its own DI scope, its heartbeats showing the stored bytes read
/// (docs/api-behaviour.md, 4.15). A file's own problems end the job <c>failed</c> with the problem the synchronous answer
/// would have given; other failures are retried up to the queue's attempt limit.
/// </summary>
internal sealed class IngestWorker(
    JobQueue<IngestJob> queue,
    MigrationStatus migrations,
    IngestJobStore jobs,
    UploadStore uploads,
    IServiceScopeFactory scopes,
    ILogger<IngestWorker> logger)
    : JobWorker<IngestJob>(queue, migrations, logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    protected override async Task<bool> RunAsync(IngestJob job, JobContext context, CancellationToken cancellationToken)
    {
        var progress = new IngestProgress();
        context.ReportProgress(new BytesReadSoFar(progress));
        var outcome = await IngestAsync(job, progress, cancellationToken);
        return await jobs.FinishAsync(
            job.Id,
            context.Owner,
            outcome.Report is { } report ? JsonSerializer.Serialize(report, Json) : null,
            outcome.Failure is { } failure ? Problem(failure) : null,
            CancellationToken.None);
    }

    private async Task<IngestOutcome> IngestAsync(IngestJob job, IngestProgress progress, CancellationToken cancellationToken)
    {
        if (await uploads.GetAsync(job.UploadId, cancellationToken) is not { } upload)
        {
            return new IngestOutcome(null, new IngestFailure(StatusCodes.Status404NotFound, "upload not found", $"Upload {job.UploadId:N} was deleted."));
        }
        var settings = new IngestSettings(job.Symbol, Interval.Parse(job.Interval), Enum.Parse<CandleFileFormat>(job.Format, ignoreCase: true), job.Strict);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IngestService>().IngestAsync(upload, settings, progress, cancellationToken);
    }

    private static string Problem(IngestFailure failure)
    {
        var problem = new JsonObject { ["status"] = failure.Status, ["title"] = failure.Title, ["detail"] = failure.Detail };
        if (failure.Rejected is { } rejected)
        {
            problem["rejected"] = rejected;
            problem["rejected_rows"] = JsonSerializer.SerializeToNode(failure.RejectedRows, Json);
        }
        return problem.ToJsonString();
    }

    /// <summary>The progress parameters of a heartbeat, read when the heartbeat is written.</summary>
    private sealed class BytesReadSoFar(IngestProgress progress)
    {
        public long BytesRead => progress.BytesRead;
    }
}
