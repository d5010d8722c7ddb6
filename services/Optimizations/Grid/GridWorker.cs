using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Engine.Configuration;
using Platform.Engine.Data;
using Platform.Engine.Optimization;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.Candles;
using Platform.ServiceDefaults.Data;
using Platform.Jobs;
using Platform.Engine.Strategies;
using Platform.Optimizations.Overfitting;
using EngineGridOptions = Platform.Engine.Optimization.GridOptions;

namespace Platform.Optimizations.Grid;

/// <summary>
/// Evaluates grid chunks from the chunk stream on all cores with the engine (indicators shared within a chunk), writes each
/// chunk's results exactly once, and stops within <see cref="StopPoll"/> when its run is cancelled.
/// </summary>
internal sealed class GridWorker(
    JobQueue<GridChunk> queue,
    MigrationStatus migrations,
    GridRuns runs,
    OptimizationStore optimizations,
    OptimizationMetrics metrics,
    IServiceScopeFactory scopes,
    ILogger<GridWorker> logger)
    : JobWorker<GridChunk>(queue, migrations, logger)
{
    public const string StreamName = "optimizations:chunks";

    /// <summary>How soon a chunk notices that its run was cancelled: its heartbeat checks the run is still live.</summary>
    public static readonly TimeSpan StopPoll = TimeSpan.FromMilliseconds(500);

    protected override async Task<bool> RunAsync(GridChunk chunk, JobContext context, CancellationToken cancellationToken)
    {
        var optimization = await optimizations.GetAsync(chunk.OptimizationId, cancellationToken)
                           ?? throw new InvalidDataException($"optimization {chunk.OptimizationId} is gone");
        var spec = RunSpec.Parse(optimization.Objective!);
        var rows = await EvaluateAsync(chunk, optimization, spec, cancellationToken);
        var completion = await runs.CompleteAsync(chunk, context.Owner, spec.Objective, rows, cancellationToken);
        if (!completion.Accepted)
        {
            return false;
        }
        metrics.ChunkCompleted(rows.Count);
        foreach (var next in completion.NextChunks)
        {
            await Queue.EnqueueAsync(next.ToString(CultureInfo.InvariantCulture));
        }
        return true;
    }

    protected override JobError Classify(Exception exception) => exception switch
    {
        InvalidDataException => JobError.Permanent(exception.Message),
        CandleFeedException candles => candles.ToJobError(),
        _ => base.Classify(exception),
    };

    private async Task<IReadOnlyList<GridResultRow>> EvaluateAsync(GridChunk chunk, Optimization optimization, RunSpec spec, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var space = ParameterSpace.Parse(System.Text.Json.JsonDocument.Parse(optimization.ParamRanges).RootElement, "param_ranges", int.MaxValue, long.MaxValue, errors)
                    ?? throw new InvalidDataException(string.Join(" ", errors.SelectMany(error => error.Value)));
        var (combinations, trials) = chunk.Trials is null
            ? ([.. space.Expand(spec.StrategyType, spec.StrategyDefaults, chunk.FirstIndex, chunk.EndIndex).Valid], null)
            : Trials(chunk.Trials, space, spec);
        var run = OptimizationSettings.Create(spec, optimization, errors)
                  ?? throw new InvalidDataException(string.Join(" ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")));

        await using var scope = scopes.CreateAsyncScope();
        var candles = await scope.ServiceProvider.GetRequiredService<CandleCache>()
            .GetAsync(optimization.Symbol, optimization.Timeframe, optimization.StartDate, optimization.EndDate, cancellationToken);
        var results = await Task.Run(
            () => GridSearch.Run(
                candles, combinations, run.Settings, new EngineGridOptions { Filters = run.Filters, ReturnPeriods = RunOverfitting.Periods }, cancellationToken),
            cancellationToken);
        var objective = spec.Objective;
        return [.. results.Select((result, index) => new GridResultRow(
            RunSpec.Parameters(result.Strategy).ToJsonString(),
            objective.Score(result.Metrics),
            result.Metrics.TotalReturn,
            result.Metrics.SharpeRatio,
            result.Metrics.MaxDrawdown,
            result.Metrics.WinRate,
            result.Metrics.TotalTrades,
            RunSpec.KeyMetrics(result.Metrics).ToJsonString())
        {
            Trial = trials?[index],
            PeriodReturns = result.PeriodReturns,
        })];
    }

    /// <summary>A search chunk's trials: their combinations and trial numbers, in the chunk's order.</summary>
    private static (List<StrategySpec> Combinations, int[] Trials) Trials(string json, ParameterSpace space, RunSpec spec)
    {
        var trials = JsonNode.Parse(json)!.AsArray();
        var combinations = trials
            .Select(trial => space.Combination(spec.StrategyType, spec.StrategyDefaults, trial!["params"]!.AsObject())
                             ?? throw new InvalidDataException($"trial {trial["trial"]} names parameters the strategy refuses"))
            .ToList();
        return (combinations, [.. trials.Select(trial => trial!["trial"]!.GetValue<int>())]);
    }
}
