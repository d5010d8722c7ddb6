using System.Text.Json.Nodes;
using Platform.Optimizations.Optimizations;

namespace Platform.Optimizations.Runs;

/// <summary>
/// One run of an optimization: what it was (kind and settings), where it stands (status, progress, timings) and what it
/// found (best parameters and score, and its result document once it has one).
/// </summary>
internal sealed record RunView(
    long Id,
    long OptimizationId,
    string Kind,
    string JobId,
    JsonNode? Settings,
    string Status,
    RunProgress Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    double? ElapsedSeconds,
    JsonNode? BestParams,
    double? BestScore,
    JsonNode? Results,
    string? ErrorMessage)
{
    public static RunView From(OptimizationRun run, DateTimeOffset now)
    {
        DateTimeOffset? started = run.StartedAt is { } start ? Utc(start) : null;
        DateTimeOffset? completed = run.CompletedAt is { } end ? Utc(end) : null;
        double? elapsed = started is { } from ? ((completed ?? now) - from).TotalSeconds : null;
        var fraction = run.Total == 0 ? 0 : Math.Min(1, (double)run.Done / run.Total);
        return new RunView(
            run.Id,
            run.OptimizationId,
            run.Kind,
            run.JobId.ToString(),
            JsonNode.Parse(run.Settings),
            run.Status,
            new RunProgress(run.Done, run.Total, Math.Round(fraction, 4)),
            Utc(run.CreatedAt),
            started,
            completed,
            elapsed,
            run.BestParams is null ? null : JsonNode.Parse(run.BestParams),
            run.BestScore,
            run.Results is null ? null : JsonNode.Parse(run.Results),
            run.ErrorMessage);
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

/// <summary>Units done of the run's total: combinations for a grid, trials for a search, windows for a walk-forward, simulations for Monte Carlo.</summary>
internal sealed record RunProgress(int Done, int Total, double Fraction);

internal sealed record RunList(IReadOnlyList<RunView> Items, long Total);
