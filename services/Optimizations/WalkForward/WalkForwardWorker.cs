using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Grid;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.Candles;
using Platform.ServiceDefaults.Data;
using Platform.Jobs;

namespace Platform.Optimizations.WalkForward;

/// <summary>
/// Runs walk-forward jobs from their stream, one whole run per job (each window's grid already uses every core), with
/// windows done as progress written by its heartbeats, which also stop it when the run is cancelled.
/// </summary>
internal sealed class WalkForwardWorker(
    JobQueue<Optimization> queue,
    MigrationStatus migrations,
    WalkForwardRuns runs,
    IServiceScopeFactory scopes,
    ILogger<WalkForwardWorker> logger)
    : JobWorker<Optimization>(queue, migrations, logger)
{
    public const string StreamName = "optimizations:walk-forward";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    protected override async Task<bool> RunAsync(Optimization optimization, JobContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var spec = RunSpec.Parse(optimization.Objective!);
        var windows = JsonSerializer.Deserialize<WindowSettings>(optimization.Windows!)!;
        var space = ParameterSpace.Parse(JsonDocument.Parse(optimization.ParamRanges).RootElement, "param_ranges", int.MaxValue, long.MaxValue, errors);
        var run = OptimizationSettings.Create(spec, optimization, errors);
        await using var scope = scopes.CreateAsyncScope();
        var candles = await scope.ServiceProvider.GetRequiredService<CandleCache>()
            .GetAsync(optimization.Symbol, optimization.Timeframe, optimization.StartDate, optimization.EndDate, cancellationToken);
        var plan = WalkForwardPlan.Create(candles, windows, errors);
        if (space is null || run is null || plan is null)
        {
            throw new InvalidDataException(string.Join(" ", errors.SelectMany(error => error.Value)));
        }
        var windowsTotal = plan.Windows.Count;
        context.ReportProgress(new { Done = 0, Total = windowsTotal });
        var combinations = space.Expand(spec.StrategyType, spec.StrategyDefaults).Valid;
        var result = await Task.Run(
            () => WalkForwardRunner.Run(
                candles, combinations, run.Settings, spec.Objective, plan, cancellationToken,
                new Progress(done => context.ReportProgress(new { Done = done, Total = windowsTotal }))),
            cancellationToken);
        var document = new JsonObject
        {
            ["method"] = "walk_forward",
            ["metric"] = spec.Metric,
            ["results"] = JsonSerializer.SerializeToNode(result, Json),
        };
        return await runs.CompleteAsync(optimization.Id, context.Owner, document.ToJsonString(), combinations.Count * windowsTotal, windowsTotal, cancellationToken);
    }

    protected override JobError Classify(Exception exception) => exception switch
    {
        InvalidDataException or ArgumentException => JobError.Permanent(exception.Message),
        CandleFeedException candles => candles.ToJobError(),
        _ => base.Classify(exception),
    };

    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
