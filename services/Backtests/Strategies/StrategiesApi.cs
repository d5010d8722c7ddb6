namespace Platform.Backtests.Strategies;

internal static class StrategiesApi
{
    public static RouteGroupBuilder MapStrategiesApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/v1/strategies").WithTags("Strategies");

    public static IHostApplicationBuilder AddStrategies(this IHostApplicationBuilder builder) => builder;
}
