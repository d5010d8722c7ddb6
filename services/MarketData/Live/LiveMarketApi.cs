using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Engine.Data;
using Platform.MarketData.Bybit;
using Platform.MarketData.Candles;
using Platform.MarketData.Markets;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.MarketData.Live;

internal static class LiveMarketApi
{
    /// <summary>Klines and recent trades fresh from Bybit; Bybit failures answer 422, 502 or 503 (docs/api-behaviour.md, 4.2–4.4).</summary>
    public static RouteGroupBuilder MapLiveMarketApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/marketdata/bybit").WithTags("Market data");
        group.MapGet("/klines/fetch", FetchKlinesAsync)
            .WithName("FetchBybitKlines")
            .Documented(
                "Newest klines straight from Bybit, ascending.",
                "The newest `limit` candles (1–1000, default 200) of `symbol` at `interval` (default 1), oldest first, in one Bybit "
                + "request. The last one is usually still open: it is included with `closed: false`, and `persist=1` stores only the "
                + "closed ones (source `bybit`). Bad parameters are 400. Bybit failures: 422 \"Unknown symbol.\", 503 \"Bybit is "
                + "unavailable.\" with `Retry-After` while the circuit is open, 502 "
                + "\"Bybit request failed\" once the retries are spent; a failure never becomes an empty list.")
            .WithResponseExample(LiveExamples.Klines)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/recent-trades", GetRecentTradesAsync)
            .WithName("GetBybitRecentTrades")
            .Documented(
                "Latest public trades from Bybit, oldest first, side lower-cased.",
                "`symbol` (required), `limit` 1–1000 (default 250). Ordered by time, then Bybit's execution id; `side` is the taker side. "
                + "Bad parameters are 400. Bybit failures: 422 \"Unknown symbol.\", 503 \"Bybit is "
                + "unavailable.\" with `Retry-After` while the circuit is open, 502 "
                + "\"Bybit request failed\" once the retries are spent; a failure never becomes an empty list.")
            .WithResponseExample(LiveExamples.Trades)
            .ProducesProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<LiveKline>>, ValidationProblem>> FetchKlinesAsync(
        [AsParameters] FetchKlinesQuery query, BybitClient bybit, CandleStore candles, CancellationToken cancellationToken)
    {
        if (query.Validate(out var symbol, out var interval) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var batch = await bybit.GetKlinesAsync(symbol, interval, start: null, end: null, query.Limit, cancellationToken);
        if (query.Persist == 1)
        {
            Candle[] closed = [.. batch.Candles.Where(candle => candle.IsClosed).Select(candle => candle.ToCandle())];
            await candles.UpsertAsync(symbol, interval, "bybit", closed, cancellationToken);
        }
        return TypedResults.Ok<IReadOnlyList<LiveKline>>([.. batch.Candles.Select(LiveKline.From)]);
    }

    private static async Task<Results<Ok<IReadOnlyList<LiveTrade>>, ValidationProblem>> GetRecentTradesAsync(
        [AsParameters] RecentTradesQuery query, BybitClient bybit, CancellationToken cancellationToken)
    {
        if (query.Validate(out var symbol) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var trades = await bybit.GetRecentTradesAsync(symbol, query.Limit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LiveTrade>>([.. trades.Select(LiveTrade.From)]);
    }
}

internal sealed record FetchKlinesQuery(string? Symbol, string? Interval = "1", int Limit = 200, int Persist = 0)
{
    public Dictionary<string, string[]> Validate(out string symbol, out Interval interval)
    {
        var errors = new Dictionary<string, string[]>();
        symbol = MarketInput.Symbol(Symbol, errors);
        interval = MarketInput.Interval("interval", Interval, errors);
        LiveInput.Limit(Limit, errors);
        if (Persist is not (0 or 1))
        {
            errors["persist"] = ["persist must be 0 or 1."];
        }
        return errors;
    }
}

internal sealed record RecentTradesQuery(string? Symbol, int Limit = 250)
{
    public Dictionary<string, string[]> Validate(out string symbol)
    {
        var errors = new Dictionary<string, string[]>();
        symbol = MarketInput.Symbol(Symbol, errors);
        LiveInput.Limit(Limit, errors);
        return errors;
    }
}
