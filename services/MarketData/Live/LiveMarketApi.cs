namespace Platform.MarketData.Live;

internal static class LiveMarketApi
{
    /// <summary>Contract §7.2 and §7.3: klines and recent trades fresh from Bybit.</summary>
    public static RouteGroupBuilder MapLiveMarketApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/v1/marketdata/bybit").WithTags("Market data");
}
