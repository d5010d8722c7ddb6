namespace Platform.MarketData.Prime;

internal static class PrimeApi
{
    public static RouteGroupBuilder MapPrimeApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/v1/marketdata/bybit").WithTags("Backfill");

    public static IHostApplicationBuilder AddPrimeJobs(this IHostApplicationBuilder builder) => builder;
}
