using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Backtests.Backtests;

namespace Platform.Backtests.Queue;

/// <summary>The contract's HTTP worker protocol for external workers, and the trades of a run (docs/api-behaviour.md, 2.8–2.10).</summary>
internal static class RunApi
{
    /// <summary>An external worker's claim goes stale after this long without results (the original's own worker used 5 minutes).</summary>
    public static readonly TimeSpan ExternalClaimLease = TimeSpan.FromMinutes(5);

    public static RouteGroupBuilder MapRunApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/claim", ClaimAsync).WithName("ClaimBacktest").WithSummary("Claim a queued, failed or stale run for an external worker");
        group.MapPost("/{id:long}/results", SubmitResultsAsync).WithName("SubmitBacktestResults").WithSummary("Complete a running backtest with its metrics and trades");
        group.MapGet("/{id:long}/trades", TradesApi.ListAsync).WithName("ListBacktestTrades");
        return group;
    }

    private static async Task<Results<Ok<ClaimAnswer>, ProblemHttpResult>> ClaimAsync(
        long id, ClaimRequest? request, BacktestRuns runs, BacktestStore store, CancellationToken cancellationToken)
    {
        var worker = string.IsNullOrWhiteSpace(request?.WorkerId) ? $"external:{Guid.NewGuid():N}" : request.WorkerId.Trim();
        if (worker.Length > 200)
        {
            return BacktestInput.Unprocessable(new Dictionary<string, string[]> { ["worker_id"] = ["worker_id must be at most 200 characters."] });
        }
        if (await runs.TryClaimAsync(id, worker, ExternalClaimLease, allowFailed: true, cancellationToken) is { } claimed)
        {
            var view = BacktestView.From(claimed);
            return TypedResults.Ok(new ClaimAnswer("claimed", view, "Claimed for running", view.ClaimedAt!.Value, worker));
        }
        return await store.GetAsync(id, cancellationToken) switch
        {
            null => BacktestInput.NotFound(),
            { Status: BacktestStatus.Completed } => TypedResults.Problem("Already completed", statusCode: StatusCodes.Status409Conflict, title: "Already completed"),
            var running => TypedResults.Problem(
                $"Already running and not stale (claimed by {running.ClaimedBy} at {running.ClaimedAt:O}).",
                statusCode: StatusCodes.Status409Conflict,
                title: "Already claimed"),
        };
    }

    private static async Task<Results<Ok<BacktestView>, ProblemHttpResult>> SubmitResultsAsync(
        long id, ResultsRequest request, BacktestRuns runs, BacktestStore store, CancellationToken cancellationToken)
    {
        var backtest = await store.GetAsync(id, cancellationToken);
        if (backtest is null)
        {
            return BacktestInput.NotFound();
        }
        var errors = request.Validate(backtest.InitialCapital);
        if (errors.Count > 0)
        {
            return BacktestInput.Unprocessable(errors);
        }
        var outcome = request.ToOutcome(errors);
        if (outcome is null)
        {
            return BacktestInput.Unprocessable(errors);
        }
        return await runs.CompleteAsync(id, request.WorkerId, outcome, cancellationToken) is { } completed
            ? TypedResults.Ok(BacktestView.From(completed))
            : TypedResults.Problem(
                $"Results are accepted only for a running backtest{(request.WorkerId is null ? "" : " held by that worker")}; this one is {backtest.Status}.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Backtest is not running");
    }
}

internal sealed record ClaimRequest(string? WorkerId);

/// <summary>
/// The contract's claim answer with the keys the original's clients expect to pass through (<c>claimed_at</c>;
/// docs/api-behaviour.md, 2.8).
/// </summary>
internal sealed record ClaimAnswer(string Status, BacktestView Backtest, string Message, DateTimeOffset ClaimedAt, string WorkerId);
