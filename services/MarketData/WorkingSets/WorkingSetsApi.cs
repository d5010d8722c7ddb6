namespace Platform.MarketData.WorkingSets;

internal static class WorkingSetsApi
{
    /// <summary>Contract §7.4, §7.5 and §7.11: working sets, multi-timeframe views, reset.</summary>
    public static RouteGroupBuilder MapWorkingSetsApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/v1/marketdata/bybit").WithTags("Working sets");
}
