using Microsoft.AspNetCore.Mvc;
using Platform.MarketData.Markets;

namespace Platform.MarketData.Prime;

/// <summary>Form fields of <c>POST bybit/prime</c> (docs/api-behaviour.md, 4.12) and the new <c>start</c>, <c>end</c> and <c>wait</c>.</summary>
internal sealed record PrimeRequest(
    [property: FromForm(Name = "symbol")] string? Symbol,
    [property: FromForm(Name = "intervals")] string? Intervals,
    [property: FromForm(Name = "load_limit")] int? LoadLimit,
    [property: FromForm(Name = "start")] string? Start,
    [property: FromForm(Name = "end")] string? End,
    [property: FromForm(Name = "wait")] string? Wait)
{
    public const string DefaultIntervals = "1,5,15,60";
    public const int DefaultLoadLimit = 1000;

    public Dictionary<string, string[]> Errors { get; } = [];

    public bool RunsSynchronously => Wait is "1" or "true" or "True";

    /// <summary>The pages to fetch per interval, or null with <see cref="Errors"/> filled in.</summary>
    public PrimeRequestPlan? Validate(long nowMs, PrimeOptions options)
    {
        var symbol = MarketInput.Symbol(Symbol, Errors);
        // An empty form value means the defaults, as the original framework did (docs/api-behaviour.md, 4.12).
        var intervals = MarketInput.Intervals(string.IsNullOrEmpty(Intervals) ? DefaultIntervals : Intervals, Errors);
        var loadLimit = LoadLimit ?? DefaultLoadLimit;
        if (loadLimit < 1 || loadLimit > options.MaxCandlesPerInterval)
        {
            Errors["load_limit"] = [$"load_limit must be between 1 and {options.MaxCandlesPerInterval}."];
        }
        long? start = null;
        if (Start is not null)
        {
            start = TimeParameter.TryParse(Start, out var from) ? from : null;
            if (start is null)
            {
                Errors["start"] = [$"start must be epoch milliseconds or ISO-8601, {TimeParameter.Span}."];
            }
        }
        var end = nowMs;
        if (End is not null && !TimeParameter.TryParse(End, out end))
        {
            Errors["end"] = [$"end must be epoch milliseconds or ISO-8601, {TimeParameter.Span}."];
        }
        end = Math.Min(end, nowMs);
        if (start >= end)
        {
            Errors["start"] = ["start must be before end (and before now)."];
        }
        if (Errors.Count > 0)
        {
            return null;
        }

        var ranges = intervals.ToDictionary(interval => interval.Code, interval => PrimePlan.For(interval, start, end, loadLimit));
        foreach (var interval in intervals)
        {
            if (PrimePlan.Bars(interval, ranges[interval.Code]) > options.MaxCandlesPerInterval)
            {
                Errors["start"] = [$"the range holds {PrimePlan.Bars(interval, ranges[interval.Code])} {interval.Code} candles, more than {options.MaxCandlesPerInterval}."];
                return null;
            }
        }
        return new PrimeRequestPlan(symbol, ranges, end, loadLimit, intervals.Sum(interval => PrimePlan.Pages(interval, ranges[interval.Code])));
    }
}

internal sealed record PrimeRequestPlan(string Symbol, IReadOnlyDictionary<string, PrimeRange> Ranges, long EndMs, int LoadLimit, int Pages);
