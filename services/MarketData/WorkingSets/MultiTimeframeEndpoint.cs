using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Engine.Data;
using Platform.MarketData.Markets;

namespace Platform.MarketData.WorkingSets;

/// <summary><c>GET mtf</c> (docs/api-behaviour.md, 4.6).</summary>
internal static class MultiTimeframeEndpoint
{
    public static async Task<Results<Ok<MultiTimeframeResponse>, ValidationProblem>> GetAsync(
        [AsParameters] MultiTimeframeQuery query, WorkingSetLoader loader, CancellationToken cancellationToken)
    {
        if (query.Validate(out var symbol, out var intervals, out var baseInterval) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var data = new Dictionary<string, IReadOnlyList<WorkingSetCandle>>();
        if (query.Aligned != 0)
        {
            // Only the base set is needed: the others are aggregated from it, so they span the same time.
            var baseSet = await loader.GetOrLoadAsync(symbol, baseInterval, query.LoadLimit, cancellationToken);
            foreach (var interval in intervals)
            {
                data[interval.Code] = interval == baseInterval
                    ? baseSet
                    : WorkingSetAggregator.Aggregate(baseSet, baseInterval, interval, query.IncludePartial != 0);
            }
        }
        else
        {
            foreach (var interval in intervals)
            {
                data[interval.Code] = await loader.GetOrLoadAsync(symbol, interval, query.LoadLimit, cancellationToken);
            }
        }
        return TypedResults.Ok(new MultiTimeframeResponse(symbol, [.. intervals.Select(interval => interval.Code)], data));
    }
}

internal sealed record MultiTimeframeQuery(
    string? Symbol,
    string? Intervals = "1,15,60",
    string? Base = null,
    int Aligned = 1,
    [property: FromQuery(Name = "include_partial")] int IncludePartial = 0,
    [property: FromQuery(Name = "load_limit")] int LoadLimit = WorkingSetInput.DefaultLoadLimit)
{
    /// <summary>
    /// Checks the query and resolves the intervals: when aligned, sorted by length with the base (given, else the shortest)
    /// among them, and every other one a whole number of base bars. Unlike the original, a base outside the list or an
    /// interval that cannot be built from the base is a 400, not an empty or made-up series.
    /// </summary>
    public Dictionary<string, string[]> Validate(out string symbol, out List<Interval> intervals, out Interval baseInterval)
    {
        var errors = new Dictionary<string, string[]>();
        symbol = MarketInput.Symbol(Symbol, errors);
        intervals = MarketInput.Intervals(Intervals, errors);
        WorkingSetInput.LoadLimit(LoadLimit, errors);
        baseInterval = default;
        var hasBase = !string.IsNullOrEmpty(Base);
        if (hasBase)
        {
            baseInterval = MarketInput.Interval("base", Base, errors);
            if (!errors.ContainsKey("base") && !errors.ContainsKey("intervals") && !intervals.Contains(baseInterval))
            {
                errors["base"] = [$"base {baseInterval.Code} is not one of the intervals."];
            }
        }
        if (Aligned == 0 || errors.ContainsKey("intervals") || errors.ContainsKey("base"))
        {
            return errors;
        }
        intervals.Sort((left, right) => left.Minutes.CompareTo(right.Minutes));
        var resolvedBase = hasBase ? baseInterval : intervals[0];
        string[] unbuildable = [.. intervals
            .Where(interval => interval != resolvedBase && !interval.Nests(resolvedBase))
            .Select(interval => interval.Minutes < resolvedBase.Minutes
                ? $"{interval.Code} is shorter than the base {resolvedBase.Code}."
                : $"{interval.Code} is not a whole number of {resolvedBase.Code} bars, so it cannot be aggregated from the base {resolvedBase.Code}.")];
        if (unbuildable.Length > 0)
        {
            errors["intervals"] = unbuildable;
        }
        baseInterval = resolvedBase;
        return errors;
    }
}

internal sealed record MultiTimeframeResponse(
    string Symbol, IReadOnlyList<string> Intervals, IReadOnlyDictionary<string, IReadOnlyList<WorkingSetCandle>> Data);
