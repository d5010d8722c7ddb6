using Platform.ServiceDefaults.OpenApi;

namespace Platform.MarketData.WorkingSets;

internal static class WorkingSetsApi
{
    /// <summary>Working sets, multi-timeframe views, reset (docs/api-behaviour.md, 4.5, 4.6 and 4.13).</summary>
    public static RouteGroupBuilder MapWorkingSetsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/marketdata/bybit").WithTags("Working sets");

        group.MapGet("/klines/working", WorkingSetEndpoint.GetAsync)
            .WithName("GetWorkingSet")
            .Documented(
                "The working set of a symbol and interval",
                "The newest 500 closed candles, ascending, times in epoch seconds, shared by every replica. When there is none yet, fetches "
                + "load_limit (100–1000, default 1000) candles from Bybit in one request, stores the closed ones and keeps the newest 500. "
                + "`interval` defaults to 15. Bad parameters are 400. Bybit failures: 422 \"Unknown symbol.\", 503 \"Bybit is "
                + "unavailable.\" with `Retry-After` while the circuit is open, 502 "
                + "\"Bybit request failed\" once the retries are spent; a failure never becomes an empty list.")
            .WithResponseExample(WorkingSetExamples.WorkingSet)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/mtf", MultiTimeframeEndpoint.GetAsync)
            .WithName("GetMultiTimeframe")
            .WithSummary("Several intervals of a symbol side by side")
            .WithDescription(
                "aligned=1 (default): the base interval (base, else the shortest) is the working set and every other " +
                "interval is aggregated from it; each must be longer than the base and a whole number of base bars " +
                "(60 on 15, W on D). Only windows that the base candles cover completely are returned, so the newest, " +
                "still open window and the oldest window the base set enters midway are left out; include_partial=1 " +
                "returns them too. aligned=0: the working set of each interval, in the order given. Empty intervals, a base outside " +
                "the list, or an interval shorter than the base or not a whole number of base bars are 400. " +
                "Bybit failures loading a working set: 422, 502, or 503 with Retry-After.")
            .WithResponseExample(WorkingSetExamples.MultiTimeframe)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/reset", ResetEndpoint.PostAsync)
            .WithName("ResetWorkingSets")
            .WithSummary("Clear and reload working sets")
            .WithDescription(
                "Per interval: clears the working set, with purge=1 also deletes the stored candles (an administrator " +
                "operation; the gateway restricts it), and with reload=1 (default) loads it again from Bybit. Each " +
                "interval reports its state; one failing does not stop the others. Form fields: symbol, intervals (default " +
                "1,5,15,60), reload, purge, load_limit (100–1000); bad values are 400. 502 when every reload failed.")
            .WithRequestExample(new { symbol = "BTCUSDT", intervals = "15,60", reload = 1, purge = 0, load_limit = 1000 })
            .WithResponseExample(WorkingSetExamples.Reset)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status502BadGateway)
            .DisableAntiforgery();

        return group;
    }
}
