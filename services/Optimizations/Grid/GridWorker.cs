using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Platform.Engine.Configuration;
using Platform.Engine.Data;
using Platform.Engine.Optimization;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Optimizations;
using Platform.Candles;
using Platform.ServiceDefaults.Data;
using Platform.Jobs;
using EngineGridOptions = Platform.Engine.Optimization.GridOptions;

namespace Platform.Optimizations.Grid;

/// <summary>
/// Evaluates grid chunks from the chunk stream on all cores with the engine (indicators shared within a chunk), writes each
/// chunk's results exactly once, and stops within a poll interval when its run is cancelled.
/// </summary>
internal sealed partial class GridWorker(
    [FromKeyedServices(GridWorker.StreamName)] JobStream stream,
    MigrationStatus migrations,
    GridRuns runs,
    OptimizationStore optimizations,
    OptimizationMetrics metrics,
    IServiceScopeFactory scopes,
    IOptions<GridOptions> options,
    ILogger<GridWorker> logger)
    : JobStreamWorker(stream, migrations, options.Value.Concurrency, logger)
{
    public const string StreamName = "optimizations:chunks";

    private static readonly TimeSpan StopPoll = TimeSpan.FromMilliseconds(500);

    protected override async Task<JobOutcome> RunAsync(JobMessage message, CancellationToken stoppingToken)
    {
        if (!long.TryParse(message.JobId, System.Globalization.CultureInfo.InvariantCulture, out var chunkId)
            || await runs.TryClaimAsync(chunkId, Consumer, options.Value.Lease, stoppingToken) is not { } chunk)
        {
            return JobOutcome.Skipped;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var watching = WatchAsync(chunk, stop);
        try
        {
            var rows = await EvaluateAsync(chunk, stop.Token);
            var optimization = await optimizations.GetAsync(chunk.OptimizationId, stoppingToken);
            var spec = RunSpec.Parse(optimization!.Objective!);
            if (!await runs.CompleteAsync(chunk, Consumer, spec.Objective, rows, stoppingToken))
            {
                return JobOutcome.Skipped;
            }
            metrics.ChunkCompleted(rows.Count);
            return JobOutcome.Done;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await runs.ReleaseAsync(chunk, Consumer, null, CancellationToken.None);
            return JobOutcome.Released;
        }
        catch (OperationCanceledException)
        {
            LogChunkStopped(logger, chunk.Id, chunk.OptimizationId);
            return JobOutcome.Skipped;
        }
        catch (Exception exception) when (exception is InvalidDataException or CandleFeedException { IsPermanent: true } || chunk.Attempts >= options.Value.MaxAttempts)
        {
            await runs.FailAsync(chunk, exception.Message, CancellationToken.None);
            return JobOutcome.Failed(exception.Message);
        }
        catch (Exception exception)
        {
            // Market data or the database failed on the way: another attempt may succeed.
            await runs.ReleaseAsync(chunk, Consumer, exception.Message, CancellationToken.None);
            return JobOutcome.Released;
        }
        finally
        {
            await stop.CancelAsync();
            await watching;
        }
    }

    private async Task<IReadOnlyList<GridResultRow>> EvaluateAsync(GridChunk chunk, CancellationToken cancellationToken)
    {
        var optimization = await optimizations.GetAsync(chunk.OptimizationId, cancellationToken)
                           ?? throw new InvalidDataException($"optimization {chunk.OptimizationId} is gone");
        var spec = RunSpec.Parse(optimization.Objective!);
        var errors = new Dictionary<string, string[]>();
        var space = ParameterSpace.Parse(System.Text.Json.JsonDocument.Parse(optimization.ParamRanges).RootElement, "param_ranges", int.MaxValue, long.MaxValue, errors)
                    ?? throw new InvalidDataException(string.Join(" ", errors.SelectMany(error => error.Value)));
        var combinations = space.Expand(spec.StrategyType, spec.StrategyDefaults).Valid;
        var slice = combinations.Skip(chunk.FirstIndex).Take(chunk.EndIndex - chunk.FirstIndex).ToList();
        var run = OptimizationSettings.Create(spec, optimization, errors)
                  ?? throw new InvalidDataException(string.Join(" ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")));

        await using var scope = scopes.CreateAsyncScope();
        var candles = await scope.ServiceProvider.GetRequiredService<CandleCache>()
            .GetAsync(optimization.Symbol, optimization.Timeframe, optimization.StartDate, optimization.EndDate, cancellationToken);
        var results = await Task.Run(
            () => GridSearch.Run(candles, slice, run.Settings, new EngineGridOptions { Filters = run.Filters }, cancellationToken),
            cancellationToken);
        var objective = spec.Objective;
        return [.. results.Select(result => new GridResultRow(
            RunSpec.Parameters(result.Strategy).ToJsonString(),
            objective.Score(result.Metrics),
            result.Metrics.TotalReturn,
            result.Metrics.SharpeRatio,
            result.Metrics.MaxDrawdown,
            result.Metrics.WinRate,
            result.Metrics.TotalTrades,
            RunSpec.KeyMetrics(result.Metrics).ToJsonString()))];
    }

    /// <summary>Cancels the chunk's work when its run is cancelled or replaced; the checks also keep the claim fresh.</summary>
    private async Task WatchAsync(GridChunk chunk, CancellationTokenSource stop)
    {
        using var timer = new PeriodicTimer(StopPoll);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                if (await runs.IsStoppedAsync(chunk, Consumer, stop.Token))
                {
                    await stop.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The chunk ended.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chunk {ChunkId} of optimization {OptimizationId} stopped: its run was cancelled")]
    private static partial void LogChunkStopped(ILogger logger, long chunkId, long optimizationId);
}
