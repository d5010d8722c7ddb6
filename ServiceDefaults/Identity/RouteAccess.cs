using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Identity;

/// <summary>The classes of routes, each open to some roles (<see cref="RouteAccess.RolesFor"/>).</summary>
public enum RouteClass
{
    /// <summary>Probes of the health API and the OpenAPI documents: any signed identity, the gateway's anonymous one too.</summary>
    Public,

    Read,
    Trade,
    Work,
    Administer,

    /// <summary><c>/internal/**</c>: only services.</summary>
    Internal,
}

/// <summary>
/// The one table of who may call what, used by the gateway to route API keys and by every service to check the identity it
/// receives (docs/security.md, 2): reads are the reader's, creating, running, changing and deleting strategies, backtests
/// and optimizations the trader's, claiming and reporting backtests the worker's, everything else (market data uploads,
/// ingests, primes, purges, resets) the admin's, and <c>/internal/**</c> the services'. Admin opens every class but <see cref="RouteClass.Internal"/>; a service may read and call internal routes.
/// </summary>
public static class RouteAccess
{
    public const string HealthApiPrefix = "/api/v1/health";
    public const string InternalPrefix = "/internal";

    /// <summary>Each service's API prefixes.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ApiPrefixes { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [ResourceNames.Backtests] = ["/api/v1/backtests", "/api/v1/strategies"],
        [ResourceNames.Optimizations] = ["/api/v1/optimizations"],
        [ResourceNames.MarketData] = ["/api/v1/marketdata"],
        [ResourceNames.Health] = [HealthApiPrefix],
    };

    /// <summary>
    /// The prefixes whose POST, PUT and DELETE calls create, run, change or delete something: the trader's, each service
    /// checking that the trader owns what is changed (docs/security.md, 3).
    /// </summary>
    /// <summary>POSTs that only read: checking a strategy stores nothing, so a reader may do it.</summary>
    public static IReadOnlyList<string> ReadingPosts { get; } = ["/api/v1/strategies/validate"];

    public static IReadOnlyList<string> TraderPrefixes { get; } = ["/api/v1/backtests", "/api/v1/strategies", "/api/v1/optimizations"];

    /// <summary>The worker protocol's calls (POST).</summary>
    public static IReadOnlyList<string> WorkerPaths { get; } =
        ["/api/v1/backtests/{id}/claim", "/api/v1/backtests/{id}/heartbeat", "/api/v1/backtests/{id}/results"];

    /// <summary>The health API's own probes, open to anyone through the gateway.</summary>
    public static IReadOnlyList<string> PublicApiPaths { get; } = [$"{HealthApiPrefix}/live", $"{HealthApiPrefix}/ready"];

    private static readonly Dictionary<RouteClass, string[]> Holders = new()
    {
        [RouteClass.Public] = [],
        [RouteClass.Read] = [Roles.Reader, Roles.Admin, Roles.Service],
        [RouteClass.Trade] = [Roles.Trader, Roles.Admin],
        [RouteClass.Work] = [Roles.Worker, Roles.Admin],
        [RouteClass.Administer] = [Roles.Admin],
        [RouteClass.Internal] = [Roles.Service],
    };

    /// <summary>The roles any one of which opens <paramref name="routeClass"/>; empty for <see cref="RouteClass.Public"/>.</summary>
    public static IReadOnlyList<string> RolesFor(RouteClass routeClass) => Holders[routeClass];

    public static RouteClass Classify(string method, PathString path)
    {
        var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        if (path.StartsWithSegments(InternalPrefix))
        {
            return RouteClass.Internal;
        }
        if (path.StartsWithSegments("/openapi") || (reads && PublicApiPaths.Any(probe => path.Equals(probe, StringComparison.OrdinalIgnoreCase))))
        {
            return RouteClass.Public;
        }
        if (reads || (HttpMethods.IsPost(method) && ReadingPosts.Any(read => path.Equals(read, StringComparison.OrdinalIgnoreCase))))
        {
            return RouteClass.Read;
        }
        if (HttpMethods.IsPost(method) && WorkerPaths.Any(template => Matches(template, path)))
        {
            return RouteClass.Work;
        }
        if ((HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method))
            && TraderPrefixes.Any(prefix => path.StartsWithSegments(prefix)))
        {
            return RouteClass.Trade;
        }
        return RouteClass.Administer;
    }

    private static bool Matches(string template, PathString path)
    {
        var expected = template.Split('/');
        var actual = (path.Value ?? "").TrimEnd('/').Split('/');
        return expected.Length == actual.Length && expected.Zip(actual).All(pair =>
            pair.First.StartsWith('{') ? pair.Second.Length > 0 : string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase));
    }
}
