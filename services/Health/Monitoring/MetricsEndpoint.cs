using Platform.ServiceDefaults.OpenApi;

namespace Platform.Health.Monitoring;

internal static class MetricsEndpoint
{
    public const string Path = "/api/v1/health/metrics";

    /// <summary>
    /// The Prometheus exporter's text on the health API path (docs/api-behaviour.md, 5.6), with the platform probed first so that the
    /// <c>platform_component_*</c> gauges describe this moment; the exporter writes the service's own metrics beside them.
    /// </summary>
    public static RouteHandlerBuilder MapPlatformMetrics(this IEndpointRouteBuilder routes)
    {
        // The exporter runs inside a route handler rather than as a mapped RequestDelegate, which OpenAPI leaves out.
        var exporter = routes.CreateApplicationBuilder().UseOpenTelemetryPrometheusScrapingEndpoint(_ => true).Build();
        return routes.MapGet(Path, async (HttpContext context, PlatformProber prober) =>
            {
                await prober.CheckAllAsync(context.RequestAborted);
                await exporter(context);
            })
            .WithTags("Health")
            .WithName("Metrics")
            .Documented(
                "Prometheus metrics of the platform's components and of this service",
                "Prometheus text: platform_component_up and platform_component_response_seconds per component, "
                + "probed for this request, then the service's own metrics.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithResponseExample(HealthExamples.Metrics, contentType: "text/plain");
    }
}
