using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Platform.Optimizations.Grid;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.Candles;
using Platform.ServiceDefaults.Data;
using Platform.Jobs;

namespace Platform.Optimizations.WalkForward;

/// <summary>
/// Runs walk-forward jobs from their stream, one whole run per job (each window's grid already uses every core), with
/// windows done as progress, and stops within a second when the run is cancelled.
/// </summary>
internal sealed class WalkForwardWorker(
    [FromKeyedServices(WalkForwardWorker.StreamName)] JobStream stream,
    MigrationStatus migrations,
    WalkForwardRuns runs,
    IServiceScopeFactory scopes,
    IOptions<GridOptions> options,
    ILogger<WalkForwardWorker> logger)
    : JobStreamWorker(stream, migrations, options.Value.Concurrency, logger)
{
    public const string StreamName = "optimizations:walk-forward";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Message(long id, Guid jobId) => $"{id}:{jobId}";

    protected override async Task<JobOutcome> RunAsync(JobMessage message, CancellationToken stoppingToken)
    {
        var parts = message.JobId.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var id) || !Guid.TryParse(parts[1], out var jobId)
            || await runs.TryClaimAsync(id, jobId, Consumer, options.Value.Lease, stoppingToken) is not { } optimization)
        {
            return JobOutcome.Skipped;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var windowsDone = 0;
        var windowsTotal = 0;
        var watching = WatchAsync(id, () => (windowsDone, windowsTotal), stop);
        try
        {
            var errors = new Dictionary<string, string[]>();
            var spec = RunSpec.Parse(optimization.Objective!);
            var windows = JsonSerializer.Deserialize<WindowSettings>(optimization.Windows!)!;
            var space = ParameterSpace.Parse(JsonDocument.Parse(optimization.ParamRanges).RootElement, "param_ranges", int.MaxValue, long.MaxValue, errors);
            var run = OptimizationSettings.Create(spec, optimization, errors);
            await using var scope = scopes.CreateAsyncScope();
            var candles = await scope.ServiceProvider.GetRequiredService<CandleCache>()
                .GetAsync(optimization.Symbol, optimization.Timeframe, optimization.StartDate, optimization.EndDate, stop.Token);
            var plan = WalkForwardPlan.Create(candles, windows, errors);
            if (space is null || run is null || plan is null)
            {
                throw new InvalidDataException(string.Join(" ", errors.SelectMany(error => error.Value)));
            }
            windowsTotal = plan.Windows.Count;
            var combinations = space.Expand(spec.StrategyType, spec.StrategyDefaults).Valid;
            var result = await Task.Run(
                () => WalkForwardRunner.Run(candles, combinations, run.Settings, spec.Objective, plan, stop.Token, new Progress(count => windowsDone = count)),
                stop.Token);
            var document = new JsonObject
            {
                ["method"] = "walk_forward",
                ["metric"] = spec.Metric,
                ["results"] = JsonSerializer.SerializeToNode(result, Json),
            };
            return await runs.CompleteAsync(id, Consumer, document.ToJsonString(), combinations.Count * plan.Windows.Count, plan.Windows.Count, stoppingToken)
                ? JobOutcome.Done
                : JobOutcome.Skipped;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await runs.ReleaseAsync(id, Consumer, countAttempt: false, CancellationToken.None);
            return JobOutcome.Released;
        }
        catch (OperationCanceledException)
        {
            return JobOutcome.Skipped;
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentException or CandleFeedException { IsPermanent: true }
                                          || optimization.Attempts >= options.Value.MaxAttempts)
        {
            await runs.FailAsync(id, Consumer, exception.Message, CancellationToken.None);
            return JobOutcome.Failed(exception.Message);
        }
        catch (Exception)
        {
            // Market data or the database failed on the way: another attempt may succeed.
            await runs.ReleaseAsync(id, Consumer, countAttempt: true, CancellationToken.None);
            return JobOutcome.Released;
        }
        finally
        {
            await stop.CancelAsync();
            await watching;
        }
    }

    /// <summary>Reports progress every half second and cancels the run when it is no longer this worker's (cancelled).</summary>
    private async Task WatchAsync(long id, Func<(int Done, int Total)> progress, CancellationTokenSource stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var (done, total) = progress();
                if (!await runs.ProgressAsync(id, Consumer, done, total, stop.Token))
                {
                    await stop.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
