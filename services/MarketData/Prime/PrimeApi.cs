using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Jobs;
using Platform.MarketData.Bybit;
using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Redis;

namespace Platform.MarketData.Prime;

internal static class PrimeApi
{
    public const string StreamName = "marketdata:prime";

    /// <summary>
    /// The contract's prime, made asynchronous (docs/api-behaviour.md, 4.12): a backfill job on a Redis stream, with
    /// its progress readable.
    /// </summary>
    public static RouteGroupBuilder MapPrimeApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/marketdata/bybit").WithTags("Backfill");
        group.MapPost("/prime", PrimeAsync)
            .WithName("Prime")
            .Documented(
                "Backfill stored candles from Bybit",
                "Form fields: `symbol`, `intervals` (default 1,5,15,60; `,` is 400), `load_limit` (default 1000 bars back from the end when "
                + "`start` is absent, at most `Prime:MaxCandlesPerInterval`), `start` and `end` (ms or ISO; end defaults to now), `wait`. "
                + "Records a backfill job and answers 202 with it and its `Location`; each page of ≤ 1000 bars is stored with the job's "
                + "cursor, so a restarted job resumes. `wait=1` runs at once when it needs at most `Prime:SynchronousPageLimit` (20) Bybit "
                + "pages (else 422) and answers 200 in the original's shape. Bad fields are 400; Bybit failures 422, 502, or 503 with "
                + "`Retry-After`.")
            .WithRequestExample(new { symbol = "BTCUSDT", intervals = "1,5", load_limit = 1000, wait = "1" })
            .WithResponseExample(PrimeExamples.Summary)
            .WithResponseExample(PrimeExamples.Job, StatusCodes.Status202Accepted)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
        group.MapGet("/prime/{jobId}", GetJobAsync)
            .WithName("GetPrimeJob")
            .Documented(
                "A backfill job's progress",
                "`pages_done` of `pages_total`, `progress`, `candles_stored`, the interval in hand, errors and attempts. 400 for a `job_id` "
                + "that is not a UUID, 404 \"Backfill job not found\".")
            .WithResponseExample(PrimeExamples.Job)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapPrimeEventsApi();
        return group;
    }

    public static IHostApplicationBuilder AddPrimeJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PrimeOptions>(builder.Configuration.GetSection(PrimeOptions.Section));
        builder.AddJobQueue<PrimeJob, PrimeWorker>(StreamName, PrimeJobStore.Table, PrimeOptions.Section, options =>
        {
            options.Concurrency = 1;
            options.MaxAttempts = 5;
        });
        builder.Services.AddSingleton<PrimeJobStore>();
        builder.Services.AddScoped<PrimeRunner>();
        return builder;
    }

    private static async Task<Results<Ok<PrimeSummary>, Accepted<PrimeJobView>, ValidationProblem, ProblemHttpResult>> PrimeAsync(
        [AsParameters] PrimeRequest request, [AsParameters] PrimeServices services, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow().ToUnixTimeMilliseconds();
        if (request.Validate(now, services.Options.Value) is not { } plan)
        {
            return TypedResults.ValidationProblem(request.Errors);
        }
        if (!request.RunsSynchronously)
        {
            var queued = await services.Jobs.CreateAsync(
                plan.Symbol, plan.Ranges, plan.EndMs, plan.LoadLimit, plan.Pages, PrimeStatus.Queued, null, services.Queue.Options.Lease, cancellationToken);
            await services.Queue.EnqueueAsync(queued.Id.ToString());
            return TypedResults.Accepted($"/api/v1/marketdata/bybit/prime/{queued.Id}", PrimeJobView.From(queued, services.Time.GetUtcNow()));
        }
        if (plan.Pages > services.Options.Value.SynchronousPageLimit)
        {
            return TypedResults.Problem(
                $"wait=1 is for small loads: this one needs {plan.Pages} Bybit pages, more than {services.Options.Value.SynchronousPageLimit}. Omit wait to run it as a job.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Backfill too large to wait for");
        }

        var owner = $"request:{Guid.NewGuid():N}";
        var job = await services.Jobs.CreateAsync(
            plan.Symbol, plan.Ranges, plan.EndMs, plan.LoadLimit, plan.Pages, PrimeStatus.Running, owner, services.Queue.Options.Lease, cancellationToken);
        try
        {
            var lengths = await services.Runner.RunAsync(job, owner, cancellationToken);
            var done = await services.Jobs.GetAsync(job.Id, cancellationToken);
            return TypedResults.Ok(new PrimeSummary(plan.Symbol, job.Intervals, lengths!, job.Id, done!.Status, done.PagesDone, done.PagesTotal, done.CandlesStored));
        }
        catch (BybitException exception)
        {
            await services.Queue.Ledger.FailAsync(job.Id, owner, exception.Message, CancellationToken.None);
            throw;
        }
    }

    private static async Task<Results<Ok<PrimeJobView>, ProblemHttpResult, ValidationProblem>> GetJobAsync(
        string jobId, PrimeJobStore jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(jobId, out var id))
        {
            return InvalidJobId();
        }
        return await jobs.GetAsync(id, cancellationToken) is { } job ? TypedResults.Ok(PrimeJobView.From(job, time.GetUtcNow())) : JobNotFound(id);
    }

    public static ValidationProblem InvalidJobId() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["job_id"] = ["job_id must be a UUID."] });

    public static ProblemHttpResult JobNotFound(Guid id) =>
        TypedResults.Problem($"No backfill job {id}.", statusCode: StatusCodes.Status404NotFound, title: "Backfill job not found");
}

internal sealed record PrimeServices(
    PrimeJobStore Jobs,
    PrimeRunner Runner,
    JobQueue<PrimeJob> Queue,
    IOptions<PrimeOptions> Options,
    TimeProvider Time);

/// <summary>The original synchronous answer (docs/api-behaviour.md, 4.12) plus the job that did the work.</summary>
internal sealed record PrimeSummary(
    string Symbol,
    string[] Intervals,
    IReadOnlyDictionary<string, int> RamWorkingSet,
    Guid JobId,
    string Status,
    int PagesDone,
    int PagesTotal,
    long CandlesStored);

internal sealed record PrimeJobView(
    Guid JobId,
    string Symbol,
    string[] Intervals,
    string Status,
    int PagesDone,
    int PagesTotal,
    double Progress,
    double? EstimatedRemainingSeconds,
    long CandlesStored,
    string? CurrentInterval,
    string[] Errors,
    string? ErrorMessage,
    DateTime? RetryAt,
    int Attempts,
    IReadOnlyDictionary<string, int> RamWorkingSet,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt)
{
    public static PrimeJobView From(PrimeJob job, DateTimeOffset now) => new(
        job.Id,
        job.Symbol,
        job.Intervals,
        job.Status,
        job.PagesDone,
        job.PagesTotal,
        job.PagesTotal == 0 ? 1 : Math.Round((double)job.PagesDone / job.PagesTotal, 4),
        EstimateRemaining(job, now),
        job.CandlesStored,
        job.CurrentInterval,
        job.Errors,
        job.ErrorMessage,
        job.RetryAt,
        job.Attempts,
        JsonSerializer.Deserialize<Dictionary<string, int>>(job.WorkingSets, PrimeJobStore.Json)!,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt);

    /// <summary>
    /// Seconds left at the rate of the pages stored since the job started: known once a page is stored, and only while
    /// the job runs.
    /// </summary>
    private static double? EstimateRemaining(PrimeJob job, DateTimeOffset now)
    {
        if (job is not { Status: PrimeStatus.Running, StartedAt: { } started, PagesDone: > 0 })
        {
            return null;
        }
        var elapsed = (now - new DateTimeOffset(DateTime.SpecifyKind(started, DateTimeKind.Utc))).TotalSeconds;
        return Math.Round(Math.Max(0, elapsed) / job.PagesDone * (job.PagesTotal - job.PagesDone), 1);
    }
}
