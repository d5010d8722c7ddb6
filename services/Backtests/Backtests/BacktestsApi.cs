namespace Platform.Backtests.Backtests;

internal static class BacktestsApi
{
    public static RouteGroupBuilder MapBacktestsApi(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/v1/backtests").WithTags("Backtests");

    public static IHostApplicationBuilder AddBacktests(this IHostApplicationBuilder builder) => builder;
}
