using Platform.ServiceDefaults;

namespace Platform.Gateway.Routing;

/// <summary>
/// The jobs' server-sent event streams (docs/api-behaviour.md, 1.9). They are routed to clusters of their own, with the
/// same destinations and probes, whose idle timeout is <see cref="GatewayLimits.EventStreamIdleTimeout"/> rather than
/// <see cref="GatewayLimits.RequestTimeout"/>: a stream rightly stays quiet between a job's changes.
/// </summary>
internal static class EventStreamRoutes
{
    public const string ClusterSuffix = "-events";

    /// <summary>Each service's event stream path.</summary>
    public static IReadOnlyDictionary<string, string> Paths { get; } = new Dictionary<string, string>
    {
        [ResourceNames.Backtests] = "/api/v1/backtests/{id}/events",
        [ResourceNames.Optimizations] = "/api/v1/optimizations/{id}/events",
        [ResourceNames.MarketData] = "/api/v1/marketdata/bybit/prime/{jobId}/events",
    };
}
