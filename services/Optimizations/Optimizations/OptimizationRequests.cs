using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Platform.Engine.Data;
using Platform.Optimizations.Objectives;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Json;

namespace Platform.Optimizations.Optimizations;

/// <summary>
/// Body of <c>POST /</c> (docs/api-behaviour.md, 3.4), checked as the original never was; <c>total_combinations</c> is
/// computed, never taken.
/// </summary>
internal sealed partial record CreateOptimizationRequest(
    long? StrategyId,
    string? OptimizationType,
    string? Symbol,
    string? Timeframe,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    JsonElement? ParamRanges,
    string? Metric,
    double? InitialCapital,
    int? TotalCombinations,
    JsonElement? Config)
{
    public static readonly string[] Types = ["grid_search", "walk_forward", "monte_carlo", "bayesian"];
    public static readonly string[] Timeframes = ["1", "3", "5", "15", "30", "60", "120", "240", "D", "W", "M"];

    /// <summary>Every field error; a range above <paramref name="maxBars"/> bars at the timeframe names both dates.</summary>
    public Dictionary<string, string[]> Validate(long maxBars)
    {
        var errors = new Dictionary<string, string[]>();
        if (StrategyId is not > 0)
        {
            errors["strategy_id"] = ["strategy_id is required and must be greater than 0."];
        }
        if (OptimizationType is null || Array.IndexOf(Types, OptimizationType) < 0)
        {
            errors["optimization_type"] = [$"optimization_type must be one of {string.Join(", ", Types)}."];
        }
        if (Symbol is null || Symbol.Length > 20 || !SymbolPattern().IsMatch(Symbol))
        {
            errors["symbol"] = ["symbol must be 1 to 20 upper-case letters or digits ending in USDT, e.g. BTCUSDT."];
        }
        if (Timeframe is null || Array.IndexOf(Timeframes, Timeframe) < 0 || !Interval.TryParse(Timeframe, out var interval))
        {
            errors["timeframe"] = [$"invalid timeframe '{Timeframe}': must be one of {string.Join(", ", Timeframes)}."];
            interval = default;
        }
        if (StartDate is not { } start || EndDate is not { } end)
        {
            errors[StartDate is null ? "start_date" : "end_date"] = ["start_date and end_date are required."];
        }
        else if (end <= start)
        {
            errors["end_date"] = ["end_date must be after start_date"];
        }
        else if (interval.Code is not null && interval.BarsBetween(start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds()) is var bars && bars > maxBars)
        {
            string[] message = [$"start_date to end_date holds {bars} bars of timeframe {interval.Code}, more than the {maxBars} an optimization may hold; shorten the range or use a longer timeframe."];
            errors["start_date"] = message;
            errors["end_date"] = message;
        }
        if (Metric is null || !Objective.IsKnown(Metric))
        {
            errors["metric"] = [$"metric must be one of {string.Join(", ", Objective.MetricNames)}."];
        }
        if (InitialCapital is not (> 0 and <= 1_000_000))
        {
            errors["initial_capital"] = ["initial_capital must be greater than 0 and at most 1000000."];
        }
        JsonInput.Check(Config, "config", JsonValueKind.Object, errors);
        JsonInput.Check(ParamRanges, "param_ranges", JsonValueKind.Object, errors);
        return errors;
    }

    [GeneratedRegex("^[A-Z0-9]+USDT$")]
    private static partial Regex SymbolPattern();
}

/// <summary>
/// Body of <c>POST /{id}/grid</c> (docs/api-behaviour.md, 3.7): everything optional, falling back to the optimization's
/// own settings.
/// </summary>
internal sealed record GridRunRequest(
    JsonElement? StrategyConfig,
    JsonElement? ParamSpace,
    string? Metric,
    string? Direction,
    int? MinTrades,
    double? MaxDrawdown,
    string? Queue,
    int? PboPartitions);

/// <summary>Body of <c>PUT /{id}</c> (docs/api-behaviour.md, 3.5): a status change, or new settings while no run is live.</summary>
internal sealed record UpdateOptimizationRequest(string? Status, string? Metric, JsonElement? Config, JsonElement? ParamRanges);

/// <summary>
/// Query of <c>GET /</c> (docs/api-behaviour.md, 3.2): <c>strategy_id</c> (absent or 0 = all), <c>status</c>, <c>owner</c>
/// (read with <see cref="Ownership.ListFilter"/>), <c>limit</c> clamped to 1–1000, <c>offset</c> ≥ 0.
/// </summary>
internal sealed record ListOptimizationsQuery(
    [property: FromQuery(Name = "strategy_id")] long? StrategyId,
    string? Status,
    string? Owner,
    int? Limit,
    int? Offset)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>The filter, or null with <see cref="Errors"/>; a negative offset's error takes the place of a bad status's.</summary>
    public OptimizationFilter? Validate(ClaimsPrincipal user)
    {
        if (Offset is < 0)
        {
            Errors["offset"] = ["offset must be 0 or more."];
        }
        else if (Status is not null && Array.IndexOf(OptimizationStatus.All, Status) < 0)
        {
            Errors["status"] = [$"status must be one of {string.Join(", ", OptimizationStatus.All)}."];
        }
        var owner = Ownership.ListFilter(user, Owner, Errors);
        return Errors.Count > 0
            ? null
            : new OptimizationFilter(StrategyId is > 0 ? StrategyId : null, Status, owner, Math.Clamp(Limit ?? DefaultLimit, 1, MaxLimit), Offset ?? 0);
    }
}
