using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Gateway.Identity;
using Platform.Gateway.RateLimiting;
using Platform.Gateway.Security;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Platform.Gateway.Routing;

/// <summary>
/// The gateway's routing table: each service gets its API prefixes (one route per class of caller: reads, trader
/// create, run, change and delete calls, worker claim/heartbeat/results, and admin for the rest), its OpenAPI document under
/// <c>/openapi/&lt;service&gt;/v1.json</c> and its probes under <c>/health/&lt;service&gt;/{live|ready}</c>, all anonymous, as are
/// the health API's own probes <c>/api/v1/health/{live|ready}</c> (docs/api-behaviour.md, 1.1).
/// Destinations are service discovery names (<c>http://backtests</c>), resolved from <c>services__*</c>, probed actively
/// on <c>/health/ready</c> so that a dead replica leaves the rotation.
/// </summary>
internal static class PlatformRoutes
{
    /// <summary>
    /// Route metadata of a route whose body streams to the service unread and unhashed (<see cref="BodyHashMiddleware"/>): its
    /// cap in bytes, held by <see cref="BodySizeLimitMiddleware"/> rather than by Kestrel.
    /// </summary>
    public const string StreamedBodyMetadata = "StreamedBody";

    private const string UploadPath = "/api/v1/marketdata/upload";

    public static IHostApplicationBuilder AddPlatformRoutes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section);
        builder.Services.AddReverseProxy().AddIdentityForwarding();
        builder.Services.AddSingleton<IProxyConfigProvider>(services =>
        {
            var options = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return new InMemoryConfigProvider(Routes(options.Limits), Clusters(options));
        });
        builder.Services.AddSingleton<Yarp.ReverseProxy.ServiceDiscovery.IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        return builder;
    }

    private static IReadOnlyList<RouteConfig> Routes(GatewayLimits limits)
    {
        RouteConfig Api(string id, string cluster, string path, string policy, string[]? methods, int order = 0) => new()
        {
            RouteId = id,
            ClusterId = cluster,
            Match = new RouteMatch { Path = path, Methods = methods },
            Order = order,
            AuthorizationPolicy = policy,
            RateLimiterPolicy = KeyRateLimiting.PolicyName,
            MaxRequestBodySize = limits.MaxRequestBodySize,
        };

        return
        [
            .. RouteAccess.ApiPrefixes.SelectMany(service => service.Value.SelectMany(prefix => (RouteConfig[])
            [
                Api($"{service.Key}-read{prefix}", service.Key, prefix + "/{**rest}", RoutePolicies.Read, [HttpMethods.Get, HttpMethods.Head]),
                .. RouteAccess.TraderPrefixes.Contains(prefix)
                    ? [Api($"{service.Key}-trade{prefix}", service.Key, prefix + "/{**rest}", RoutePolicies.Trade, [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete])]
                    : Array.Empty<RouteConfig>(),
                // Every other method (market data uploads, ingests, resets, primes, purges) is the admin's; Order keeps it behind the routes above.
                Api($"{service.Key}-admin{prefix}", service.Key, prefix + "/{**rest}", RoutePolicies.Administer, null, order: 1),
            ])),
            // Ahead of the read routes; a stream draws one token from its caller's bucket, however long it lasts.
            .. EventStreamRoutes.Paths.Select(stream => Api(
                $"{stream.Key}-events", stream.Key + EventStreamRoutes.ClusterSuffix, stream.Value, RoutePolicies.Read, [HttpMethods.Get], order: -1)),
            .. RouteAccess.WorkerPaths.Select(path => Api($"backtests-work{path}", ResourceNames.Backtests, path, RoutePolicies.Work, [HttpMethods.Post])),
            // Anonymous, so limited per client address like the documents and probes below; Order puts it ahead of the
            // health read route, and other methods on these paths still fall to the admin route.
            .. RouteAccess.PublicApiPaths.Select(path => Api($"health-api-probes{path}", ResourceNames.Health, path, RoutePolicies.Anonymous,
                [HttpMethods.Get, HttpMethods.Head], order: -1)),
            Api("marketdata-upload", ResourceNames.MarketData, UploadPath, RoutePolicies.Administer, [HttpMethods.Post]) with
            {
                // -1 lifts Kestrel's limit: the gateway counts this body itself, so that it can drop the rest after its 413.
                MaxRequestBodySize = -1,
                Metadata = new Dictionary<string, string> { [StreamedBodyMetadata] = limits.MaxUploadBodySize.ToString(CultureInfo.InvariantCulture) },
                // The service may refuse an upload by its declared length without reading it. Waiting for its 100 Continue,
                // the proxy sends no body and relays that 413; sending the body regardless, it would lose the answer when
                // the service closes the connection, and answer 502 (docs/api-behaviour.md, 4.7).
                Transforms = [new Dictionary<string, string> { ["RequestHeader"] = "Expect", ["Set"] = "100-continue" }],
            },
            // Scalar's page at /docs/ asks for the documents relative to itself, so they are served under both paths.
            .. RouteAccess.ApiPrefixes.Keys.SelectMany(service => new[] { "", "/docs" }, (service, root) => new RouteConfig
            {
                RouteId = $"{service}-openapi{root.Replace('/', '-')}",
                ClusterId = service,
                Match = new RouteMatch { Path = $"{root}/openapi/{service}/v1.json" },
                AuthorizationPolicy = RoutePolicies.Anonymous,
                RateLimiterPolicy = KeyRateLimiting.PolicyName,
                // The original Host lets each document name the gateway as its server.
                Transforms =
                [
                    new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" },
                    new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" },
                ],
            }),
            .. RouteAccess.ApiPrefixes.Keys.Select(service => new RouteConfig
            {
                RouteId = $"{service}-probes",
                ClusterId = service,
                Match = new RouteMatch { Path = $"/health/{service}/{{probe:regex(^(live|ready)$)}}" },
                AuthorizationPolicy = RoutePolicies.Anonymous,
                RateLimiterPolicy = KeyRateLimiting.PolicyName,
                Transforms = [new Dictionary<string, string> { ["PathPattern"] = "/health/{probe}" }],
            }),
        ];
    }

    private static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions options) =>
    [
        // An upstream silent for this long (no response headers, no body bytes) gets 504; a streaming upload is never idle.
        .. RouteAccess.ApiPrefixes.Keys.Select(service => Cluster(service, service, options.Limits.RequestTimeout, options.HealthChecks)),
        .. EventStreamRoutes.Paths.Keys.Select(service =>
            Cluster(service + EventStreamRoutes.ClusterSuffix, service, options.Limits.EventStreamIdleTimeout, options.HealthChecks)),
    ];

    private static ClusterConfig Cluster(string id, string service, TimeSpan idleTimeout, GatewayHealthChecks healthChecks) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service] = new() { Address = $"http://{service}" },
        },
        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = idleTimeout },
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = healthChecks.Interval,
                Timeout = healthChecks.Timeout,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = Extensions.ReadyPath,
            },
        },
    };
}
