namespace Platform.MarketData.WorkingSets;

internal static class WorkingSetsApi
{
    /// <summary>Working sets, multi-timeframe views, reset (docs/api-behaviour.md, 4.5, 4.6 and 4.13).</summary>
    public static RouteGroupBuilder MapWorkingSetsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/marketdata/bybit").WithTags("Working sets");

        group.MapGet("/klines/working", WorkingSetEndpoint.GetAsync)
            .WithName("GetWorkingSet")
            .WithSummary("The working set of a symbol and interval")
            .WithDescription(
                "The newest 500 closed candles, ascending, shared by every replica. When there is none yet, fetches " +
                "load_limit candles from Bybit in one request, stores the closed ones and keeps the newest 500.");

        group.MapGet("/mtf", MultiTimeframeEndpoint.GetAsync)
            .WithName("GetMultiTimeframe")
            .WithSummary("Several intervals of a symbol side by side")
            .WithDescription(
                "aligned=1 (default): the base interval (base, else the shortest) is the working set and every other " +
                "interval is aggregated from it; each must be longer than the base and a whole number of base bars " +
                "(60 on 15, W on D). Only windows that the base candles cover completely are returned, so the newest, " +
                "still open window and the oldest window the base set enters midway are left out; include_partial=1 " +
                "returns them too. aligned=0: the working set of each interval, in the order given.");

        group.MapPost("/reset", ResetEndpoint.PostAsync)
            .WithName("ResetWorkingSets")
            .WithSummary("Clear and reload working sets")
            .WithDescription(
                "Per interval: clears the working set, with purge=1 also deletes the stored candles (an administrator " +
                "operation; the gateway restricts it), and with reload=1 (default) loads it again from Bybit. Each " +
                "interval reports its state; one failing does not stop the others. 502 when every reload failed.")
            .DisableAntiforgery();

        return group;
    }
}
