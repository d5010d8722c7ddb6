namespace Platform.MarketData.Candles;

internal static class CandleReadApi
{
    public static RouteGroupBuilder MapCandleReadApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/internal/candles").WithTags("Internal");
}
