using Microsoft.AspNetCore.Http.HttpResults;

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
        group.MapGet("", GetOverallAsync).WithName("Overall");
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
