using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Platform.Engine.Data;
using Platform.Jobs;
using Platform.MarketData.Uploads;
using Platform.ServiceDefaults.Data;

namespace Platform.MarketData.Ingest;

/// <summary>
/// Runs ingest jobs from the ingest stream, each in its own DI scope, showing the stored bytes read on the job while it
/// runs (docs/api-behaviour.md, 4.15). A file's own problems end the job <c>failed</c> with the problem the synchronous
/// answer would have given; other failures are retried up to <see cref="IngestOptions.MaxAttempts"/>.
/// </summary>
internal sealed partial class IngestWorker(
    [FromKeyedServices(IngestApi.StreamName)] JobStream stream,
    MigrationStatus migrations,
    IngestJobStore jobs,
    UploadStore uploads,
    IServiceScopeFactory scopes,
    IOptions<IngestOptions> options,
    ILogger<IngestWorker> logger)
    : JobStreamWorker(stream, migrations, options.Value.Concurrency, logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    protected override async Task<JobOutcome> RunAsync(JobMessage message, CancellationToken stoppingToken)
    {
        if (!Guid.TryParse(message.JobId, out var id)
            || await jobs.TryClaimAsync(id, Consumer, options.Value.Lease, stoppingToken) is not { } job)
        {
            return JobOutcome.Skipped;
        }
        var progress = new IngestProgress();
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var beating = HeartbeatAsync(id, progress, heartbeat.Token);
        try
        {
            var outcome = await IngestAsync(job, progress, stoppingToken);
            await jobs.FinishAsync(
                id,
                Consumer,
                outcome.Report is { } report ? JsonSerializer.Serialize(report, Json) : null,
                outcome.Failure is { } failure ? Problem(failure) : null,
                CancellationToken.None);
            return JobOutcome.Done;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await jobs.ReleaseAsync(id, Consumer, countAttempt: false, CancellationToken.None);
            return JobOutcome.Released;
        }
        catch (Exception exception) when (exception is not OperationCanceledException && job.Attempts < options.Value.MaxAttempts)
        {
            LogAttemptFailed(logger, id, job.Attempts, exception);
            await jobs.ReleaseAsync(id, Consumer, countAttempt: true, CancellationToken.None);
            return JobOutcome.Released;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = new IngestFailure(
                StatusCodes.Status500InternalServerError, "The ingest failed", $"The ingest failed {job.Attempts} times ({exception.GetType().Name}); nothing was written.");
            await jobs.FinishAsync(id, Consumer, null, Problem(failure), CancellationToken.None);
            return JobOutcome.Failed(exception.Message);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
        }
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

    /// <summary>Every second (or third of the lease, if shorter) until cancelled: the bytes read so far, and the claim kept alive.</summary>
    private async Task HeartbeatAsync(Guid id, IngestProgress progress, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, options.Value.Lease.Ticks / 3)));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await jobs.HeartbeatAsync(id, Consumer, progress.BytesRead, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogHeartbeatFailed(logger, id, exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest job {JobId} failed on attempt {Attempt}; it goes back on the queue")]
    private static partial void LogAttemptFailed(ILogger logger, Guid jobId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the progress of ingest job {JobId}")]
    private static partial void LogHeartbeatFailed(ILogger logger, Guid jobId, Exception exception);
}
