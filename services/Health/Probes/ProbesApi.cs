using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Health.Monitoring;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Health.Probes;

internal static class ProbesApi
{
    /// <summary>
    /// Probes of the health service itself, anonymous at the gateway, which signs them as the anonymous identity
    /// (docs/api-behaviour.md, 1.1, 5.3 and 5.4).
    /// </summary>
    public static RouteGroupBuilder MapProbesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/health").WithTags("Health");
        group.MapGet("/live", (TimeProvider clock) => TypedResults.Ok(new ProbeAnswer("alive", clock.GetUtcNow())))
            .WithName("Live")
            .Documented("The health service is running", "Always 200; touches nothing. Anonymous through the gateway, for probes and monitors.")
            .WithResponseExample(HealthExamples.Live);
        group.MapGet("/ready", GetReadyAsync)
            .WithName("Ready")
            .Documented(
                "The health service can answer",
                "200 when its own dependencies (PostgreSQL, Redis) answer; else 503 \"Service not ready\" naming them. Bybit is never part "
                + "of it. Anonymous through the gateway, for probes and monitors.")
            .WithResponseExample(HealthExamples.Ready)
            .ProducesProblems(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    /// <summary>Ready means the health service's own dependencies answer; Bybit is reported elsewhere, never here.</summary>
    private static async Task<Results<Ok<ProbeAnswer>, ProblemHttpResult>> GetReadyAsync(
        HealthCheckService checks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        if (report.Status == HealthStatus.Healthy)
        {
            return TypedResults.Ok(new ProbeAnswer("ready", clock.GetUtcNow()));
        }
        var failing = report.Entries.Where(entry => entry.Value.Status != HealthStatus.Healthy).Select(entry => entry.Key);
        return TypedResults.Problem(
            title: "Service not ready",
            detail: $"Unavailable dependencies: {string.Join(", ", failing)}",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

internal sealed record ProbeAnswer(string Status, DateTimeOffset Timestamp);
