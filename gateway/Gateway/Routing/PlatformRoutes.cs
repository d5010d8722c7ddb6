using Platform.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway.Routing;

/// <summary>
/// The gateway's routing table: each service gets its API prefixes, its OpenAPI document under
/// <c>/openapi/&lt;service&gt;/v1.json</c> and its probes under <c>/health/&lt;service&gt;/{live|ready}</c>.
/// Destinations are service discovery names (<c>http://backtests</c>), resolved from <c>services__*</c>.
/// </summary>
internal static class PlatformRoutes
{
    private static readonly Dictionary<string, string[]> ApiPrefixes = new()
    {
        [ResourceNames.Backtests] = ["/api/v1/backtests", "/api/v1/strategies"],
        [ResourceNames.Optimizations] = ["/api/v1/optimizations"],
        [ResourceNames.MarketData] = ["/api/v1/marketdata"],
        [ResourceNames.Health] = ["/api/v1/health"],
    };

    public static IHostApplicationBuilder AddPlatformRoutes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromMemory(Routes(), Clusters());
        builder.Services.AddSingleton<Yarp.ReverseProxy.ServiceDiscovery.IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        return builder;
    }

    public static IReadOnlyList<RouteConfig> Routes() =>
    [
        .. ApiPrefixes.SelectMany(service => service.Value.Select((prefix, index) => new RouteConfig
        {
            RouteId = $"{service.Key}-api-{index}",
            ClusterId = service.Key,
            Match = new RouteMatch { Path = prefix + "/{**rest}" },
        })),
        // Scalar's page at /docs/ asks for the documents relative to itself, so they are served under both paths.
        .. ApiPrefixes.Keys.SelectMany(service => new[] { "", "/docs" }, (service, root) => new RouteConfig
        {
            RouteId = $"{service}-openapi{root.Replace('/', '-')}",
            ClusterId = service,
            Match = new RouteMatch { Path = $"{root}/openapi/{service}/v1.json" },
            // The original Host lets each document name the gateway as its server.
            Transforms =
            [
                new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" },
                new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" },
            ],
        }),
        .. ApiPrefixes.Keys.Select(service => new RouteConfig
        {
            RouteId = $"{service}-probes",
            ClusterId = service,
            Match = new RouteMatch { Path = $"/health/{service}/{{probe:regex(^(live|ready)$)}}" },
            Transforms = [new Dictionary<string, string> { ["PathPattern"] = "/health/{probe}" }],
        }),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters() =>
    [
        .. ApiPrefixes.Keys.Select(service => new ClusterConfig
        {
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [service] = new() { Address = $"http://{service}" },
            },
        }),
    ];
}
