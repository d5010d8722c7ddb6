using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Backtests.Backtests;
using Platform.Backtests.Strategies;
using Platform.Jobs;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Backtests.Queue;

/// <summary>The contract's HTTP worker protocol for external workers, and the trades of a run (docs/api-behaviour.md, 2.8–2.10).</summary>
internal static class RunApi
{
    private const int MaxWorkerId = 200;

    public static RouteGroupBuilder MapRunApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/claim", ClaimAsync)
            .WithName("ClaimBacktest")
            .Documented(
                "Claim a queued, failed or stale run for an external worker",
                "Takes a queued run (a deferred one once its `retry_at` has come), a failed one (its attempts start over) or a running one "
                + "whose holder's lease ran out; sets it running with a lease of `Backtests:Queue:ExternalLease` (5 minutes). Optional body "
                + "`{worker_id}` (≤ 200 characters, 422 beyond; one is generated when absent). `run` is what to execute, null when the "
                + "strategy is gone or no longer valid. 404 unknown id; 409 \"Already completed\", \"Already claimed\" while another lease "
                + "is live, \"Deferred\" while a deferred run waits, \"Failed for good\" when the attempts are used up.")
            .WithRequestExample(BacktestExamples.Claim)
            .WithResponseExample(BacktestExamples.Claimed)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/heartbeat", HeartbeatAsync)
            .WithName("HeartbeatBacktest")
            .Documented(
                "Extend an external worker's claim on a running backtest",
                "Extends the holder's lease by `Backtests:Queue:ExternalLease`; no internal worker takes the run over while its holder "
                + "heartbeats. 422 without `worker_id`; 404 unknown id; 409 when the run is not running under that worker.")
            .WithRequestExample(BacktestExamples.Heartbeat)
            .WithResponseExample(BacktestExamples.HeartbeatAnswer)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/results", SubmitResultsAsync)
            .WithName("SubmitBacktestResults")
            .Documented(
                "Complete a running backtest with its metrics and trades",
                "Required: `final_capital`, `total_return`, `total_trades`, `winning_trades`, `losing_trades`, `win_rate`, `sharpe_ratio`, "
                + "`max_drawdown` (fractions). Checked for consistency (422): `total_return` = final / initial − 1, counts add up, "
                + "`win_rate` = winning / total, `max_drawdown` in 0–1, finite ratios, every trade with `entry_time`, `side`, "
                + "`entry_price`, `quantity`. Accepted only from running (with `worker_id`, only from the holder): 409 otherwise; 404 "
                + "unknown id. Everything is written in one transaction; the holder sending again gets 200 with the run it completed.")
            .WithRequestExample(BacktestExamples.Results)
            .WithResponseExample(BacktestExamples.Completed)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:long}/trades", TradesApi.ListAsync)
            .WithName("ListBacktestTrades")
            .Documented(
                "The trades of a run, by entry time",
                "`side` buy/long or sell/short (case-insensitive), `limit` 1–10 000 (default 1000), `offset` ≥ 0; anything else is 400 "
                + "naming the parameter. `price` is the entry price and `side` is buy for long, sell for short. The `X-Total-Count` header "
                + "counts every trade the filter matches, not only the page's. 404 for an unknown backtest.")
            .WithResponseExample(BacktestExamples.Trades)
            .WithTotalCountHeader()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<ClaimAnswer>, ProblemHttpResult>> ClaimAsync(
        long id, ClaimRequest? request, JobQueue<Backtest> queue, BacktestStore store, StrategyStore strategies, IOptions<QueueOptions> options,
        CancellationToken cancellationToken)
    {
        var worker = string.IsNullOrWhiteSpace(request?.WorkerId) ? $"external:{Guid.NewGuid():N}" : request.WorkerId.Trim();
        if (worker.Length > MaxWorkerId)
        {
            return BacktestInput.Unprocessable(new Dictionary<string, string[]> { ["worker_id"] = [$"worker_id must be at most {MaxWorkerId} characters."] });
        }
        var claim = await queue.Ledger.ClaimAsync(id, worker, options.Value.ExternalLease, queue.Options.MaxAttempts, includeFailed: true, cancellationToken);
        if (claim?.Job is { } claimed)
        {
            var view = BacktestView.From(claimed);
            var strategy = await strategies.GetAsRunAsync(claimed.StrategyId, claimed.StrategyVersion, cancellationToken);
            var run = strategy is null ? null : BacktestPlan.For(claimed, strategy).Configure([]);
            return TypedResults.Ok(new ClaimAnswer(
                "claimed", view, "Claimed for running", view.ClaimedAt!.Value, worker, run is null ? null : RunView.From(strategy!.StrategyType, run)));
        }
        return await store.GetAsync(id, cancellationToken) switch
        {
            null => BacktestInput.NotFound(),
            { Status: BacktestStatus.Failed } failed => TypedResults.Problem(
                failed.ErrorMessage, statusCode: StatusCodes.Status409Conflict, title: "Failed for good"),
            { Status: BacktestStatus.Queued, RetryAt: { } retryAt } deferred => TypedResults.Problem(
                $"Deferred until {retryAt:O}: {deferred.ErrorMessage}", statusCode: StatusCodes.Status409Conflict, title: "Deferred"),
            { Status: BacktestStatus.Completed } => TypedResults.Problem("Already completed", statusCode: StatusCodes.Status409Conflict, title: "Already completed"),
            var running => TypedResults.Problem(
                $"Already running and not stale (claimed by {running.ClaimedBy} at {running.ClaimedAt:O}).",
                statusCode: StatusCodes.Status409Conflict,
                title: "Already claimed"),
        };
    }

    /// <summary>Extends the claim of the external worker holding the run; nobody takes the run over while it heartbeats.</summary>
    private static async Task<Results<Ok<HeartbeatAnswer>, ProblemHttpResult>> HeartbeatAsync(
        long id, HeartbeatRequest request, JobQueue<Backtest> queue, BacktestStore store, IOptions<QueueOptions> options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.WorkerId) || request.WorkerId.Length > MaxWorkerId)
        {
            return BacktestInput.Unprocessable(new Dictionary<string, string[]>
            {
                ["worker_id"] = [$"worker_id is required: the id the run was claimed with, at most {MaxWorkerId} characters."],
            });
        }
        var worker = request.WorkerId.Trim();
        var lease = options.Value.ExternalLease;
        if (await queue.Ledger.HeartbeatAsync(id, worker, lease, null, cancellationToken))
        {
            return TypedResults.Ok(new HeartbeatAnswer("running", worker, DateTimeOffset.UtcNow + lease));
        }
        return await store.GetAsync(id, cancellationToken) switch
        {
            null => BacktestInput.NotFound(),
            var backtest => TypedResults.Problem(
                $"The backtest is {backtest.Status}{(backtest.ClaimedBy is null ? "" : $", held by {backtest.ClaimedBy}")}; only the worker holding a running backtest extends its claim.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Not held by that worker"),
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

internal sealed record HeartbeatRequest(string? WorkerId);

/// <summary>The claim is extended until <see cref="LeaseUntil"/>; heartbeat again well before it.</summary>
internal sealed record HeartbeatAnswer(string Status, string WorkerId, DateTimeOffset LeaseUntil);

/// <summary>
/// The contract's claim answer with the keys the original's clients expect to pass through (<c>claimed_at</c>;
/// docs/api-behaviour.md, 2.8), and <see cref="Run"/>: what to execute, null when the strategy is gone or no longer valid.
/// </summary>
internal sealed record ClaimAnswer(string Status, BacktestView Backtest, string Message, DateTimeOffset ClaimedAt, string WorkerId, RunView? Run);
