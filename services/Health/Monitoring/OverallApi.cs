using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Health.Monitoring;

internal static class OverallApi
{
    /// <summary>
    /// <c>GET /api/v1/health</c>, 200 when healthy or degraded, 503 with the same body when unhealthy
    /// (docs/api-behaviour.md, 5.1).
    /// </summary>
    public static RouteGroupBuilder MapOverallApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/health").WithTags("Health");
        group.MapGet("", GetOverallAsync)
            .WithName("Overall")
            .Documented(
                "The platform's health: every service, PostgreSQL, Redis and Bybit",
                "Probes every service's readiness, PostgreSQL (`SELECT 1`), Redis (`PING`) and Bybit (server time, cached for "
                + "`Health:BybitCacheDuration`, 5 s) at once, each within `Health:ProbeTimeout` (2 s). A service, PostgreSQL or Redis down "
                + "is `unhealthy`; Bybit down only `degraded`. 200 when healthy or degraded, 503 with the same body when unhealthy. A detail "
                + "is a short reason, never an exception message.")
            .WithResponseExample(HealthExamples.Overall)
            .Produces<PlatformReport>(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<PlatformReport>, JsonHttpResult<PlatformReport>>> GetOverallAsync(
        PlatformProber prober, CancellationToken cancellationToken)
    {
        var report = await prober.CheckAllAsync(cancellationToken);
        return report.Status == ComponentStatus.Unhealthy
            ? TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(report);
    }
}
