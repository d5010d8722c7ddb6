using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Engine.Data;
using Platform.MarketData.Markets;

namespace Platform.MarketData.WorkingSets;

/// <summary><c>POST reset</c>, form fields (docs/api-behaviour.md, 4.13).</summary>
internal static class ResetEndpoint
{
    public static async Task<Results<Ok<ResetResponse>, ValidationProblem, ProblemHttpResult>> PostAsync(
        [AsParameters] ResetForm form, WorkingSetLoader loader, CancellationToken cancellationToken)
    {
        if (form.Validate(out var symbol, out var intervals) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var states = new Dictionary<string, IntervalReset>();
        foreach (var interval in intervals)
        {
            states[interval.Code] = await loader.ResetAsync(
                symbol, interval, reload: form.Reload != 0, purge: form.Purge != 0, form.LoadLimit, cancellationToken);
        }
        if (states.Values.All(state => state.State == IntervalResetState.Failed))
        {
            return TypedResults.Problem(
                title: "Bybit failed for every interval.",
                detail: $"No working set of {symbol} could be reloaded; see states.",
                statusCode: StatusCodes.Status502BadGateway,
                extensions: new Dictionary<string, object?> { ["symbol"] = symbol, ["states"] = states });
        }
        return TypedResults.Ok(new ResetResponse(
            symbol,
            [.. states.Keys],
            states.ToDictionary(entry => entry.Key, entry => entry.Value.Candles),
            states));
    }
}

internal sealed record ResetForm(
    [property: FromForm] string? Symbol,
    [property: FromForm] string? Intervals,
    [property: FromForm] int Reload = 1,
    [property: FromForm] int Purge = 0,
    [property: FromForm(Name = "load_limit")] int LoadLimit = WorkingSetInput.DefaultLoadLimit)
{
    public const string DefaultIntervals = "1,5,15,60";

    public Dictionary<string, string[]> Validate(out string symbol, out List<Interval> intervals)
    {
        var errors = new Dictionary<string, string[]>();
        symbol = MarketInput.Symbol(Symbol, errors);
        // An empty field means the defaults, as the original framework filled it in; "," is still an empty list.
        intervals = MarketInput.Intervals(string.IsNullOrEmpty(Intervals) ? DefaultIntervals : Intervals, errors);
        WorkingSetInput.LoadLimit(LoadLimit, errors);
        return errors;
    }
}

/// <param name="RamWorkingSet">The contract's field: each interval's new working-set length (0 when cleared or failed).</param>
/// <param name="States">What happened to each interval, instead of the original's −1 and −2.</param>
internal sealed record ResetResponse(
    string Symbol,
    IReadOnlyList<string> Intervals,
    IReadOnlyDictionary<string, int> RamWorkingSet,
    IReadOnlyDictionary<string, IntervalReset> States);
