using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Engine.Data;
using Platform.MarketData.Markets;

namespace Platform.MarketData.WorkingSets;

/// <summary><c>GET klines/working</c> (docs/api-behaviour.md, 4.5).</summary>
internal static class WorkingSetEndpoint
{
    public static async Task<Results<Ok<IReadOnlyList<WorkingSetCandle>>, ValidationProblem>> GetAsync(
        [AsParameters] WorkingSetQuery query, WorkingSetLoader loader, CancellationToken cancellationToken)
    {
        if (query.Validate(out var symbol, out var interval) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await loader.GetOrLoadAsync(symbol, interval, query.LoadLimit, cancellationToken));
    }
}

internal sealed record WorkingSetQuery(
    string? Symbol,
    string? Interval = "15",
    [property: FromQuery(Name = "load_limit")] int LoadLimit = WorkingSetInput.DefaultLoadLimit)
{
    public Dictionary<string, string[]> Validate(out string symbol, out Interval interval)
    {
        var errors = new Dictionary<string, string[]>();
        symbol = MarketInput.Symbol(Symbol, errors);
        interval = MarketInput.Interval("interval", Interval, errors);
        WorkingSetInput.LoadLimit(LoadLimit, errors);
        return errors;
    }
}
