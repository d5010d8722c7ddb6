namespace Platform.MarketData.Uploads;

internal static class UploadsApi
{
    public static RouteGroupBuilder MapUploadsApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/v1/marketdata").WithTags("Uploads");

    public static IHostApplicationBuilder AddUploads(this IHostApplicationBuilder builder) => builder;
}
