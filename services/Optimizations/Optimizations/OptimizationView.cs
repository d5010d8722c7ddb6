using System.Text.Json.Nodes;

namespace Platform.Optimizations.Optimizations;

/// <summary>The contract's OptimizationOut (docs/api-behaviour.md, 3.1) with live progress of the current run and its owner.</summary>
internal sealed record OptimizationView(
    long Id,
    long StrategyId,
    string OptimizationType,
    string Symbol,
    string Timeframe,
    DateTimeOffset StartDate,
    DateTimeOffset EndDate,
    JsonNode? ParamRanges,
    string Metric,
    double InitialCapital,
    int TotalCombinations,
    JsonNode? Config,
    JsonNode? Objective,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    JsonNode? BestParams,
    double? BestScore,
    JsonNode? Results,
    string? ErrorMessage,
    DateTimeOffset? RetryAt,
    OptimizationProgress? Progress,
    string? Owner)
{
    public static OptimizationView From(Optimization row, DateTimeOffset now) => new(
        row.Id,
        row.StrategyId,
        row.OptimizationType,
        row.Symbol,
        row.Timeframe,
        Utc(row.StartDate),
        Utc(row.EndDate),
        Parse(row.ParamRanges),
        row.Metric,
        row.InitialCapital,
        row.TotalCombinations,
        Parse(row.Config),
        Parse(row.Objective),
        row.Status,
        Utc(row.CreatedAt),
        Utc(row.UpdatedAt),
        row.StartedAt is { } started ? Utc(started) : null,
        row.CompletedAt is { } completed ? Utc(completed) : null,
        Parse(row.BestParams),
        row.BestScore,
        Parse(row.Results),
        row.ErrorMessage,
        row.RetryAt is { } retryAt ? Utc(retryAt) : null,
        row.JobId is { } job ? OptimizationProgress.From(row, job, now) : null,
        row.Owner);

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

/// <summary>
/// How far the current run is: combinations and chunks done, time spent, and a linear estimate of what is left. A grid
/// counts its combinations; a walk-forward run counts its windows (its chunks), as it learns how many combinations it
/// evaluated only at the end.
/// </summary>
internal sealed record OptimizationProgress(
    Guid JobId,
    string? RunType,
    int CombinationsDone,
    int CombinationsTotal,
    int ChunksDone,
    int ChunksTotal,
    double Fraction,
    double? ElapsedSeconds,
    double? EstimatedRemainingSeconds)
{
    private const string WalkForwardRunType = "walk_forward";

    public static OptimizationProgress From(Optimization row, Guid job, DateTimeOffset now)
    {
        var (done, total) = row.RunType == WalkForwardRunType ? (row.ChunksDone, row.ChunksTotal) : (row.CombinationsDone, row.TotalCombinations);
        var fraction = total == 0 ? 0 : Math.Min(1, (double)done / total);
        double? elapsed = row.StartedAt is { } started
            ? ((row.CompletedAt is { } completed ? new DateTimeOffset(DateTime.SpecifyKind(completed, DateTimeKind.Utc)) : now)
               - new DateTimeOffset(DateTime.SpecifyKind(started, DateTimeKind.Utc))).TotalSeconds
            : null;
        double? remaining = elapsed is { } spent && fraction > 0 && row.Status == OptimizationStatus.Running ? spent / fraction * (1 - fraction) : null;
        return new OptimizationProgress(job, row.RunType, row.CombinationsDone, row.TotalCombinations, row.ChunksDone, row.ChunksTotal, Math.Round(fraction, 4), elapsed, remaining);
    }
}

internal sealed record OptimizationList(IReadOnlyList<OptimizationView> Items, long Total);
