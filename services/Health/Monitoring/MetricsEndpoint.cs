using OpenTelemetry.Metrics;

namespace Platform.Health.Monitoring;

internal static class MetricsEndpoint
{
    public const string Path = "/api/v1/health/metrics";

    /// <summary>
    /// The Prometheus exporter's text on the health API path (docs/api-behaviour.md, 5.6), with the platform probed first so that the
    /// <c>platform_component_*</c> gauges describe this moment; the exporter writes the service's own metrics beside them.
    /// </summary>
    public static IEndpointConventionBuilder MapPlatformMetrics(this IEndpointRouteBuilder routes) =>
        routes.MapPrometheusScrapingEndpoint(
            Path,
            meterProvider: null,
            configureBranchedPipeline: pipeline => pipeline.Use(async (context, next) =>
            {
                await context.RequestServices.GetRequiredService<PlatformProber>().CheckAllAsync(context.RequestAborted);
                await next(context);
            }),
            optionsName: null)
            .WithTags("Health");
}
