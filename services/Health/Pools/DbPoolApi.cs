using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Health.Monitoring;
using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Pools;

namespace Platform.Health.Pools;

internal static class DbPoolApi
{
    /// <summary>
    /// <c>GET /api/v1/health/db_pool</c> (docs/api-behaviour.md, 5.5), the pool of every service that owns a database; 503 with the same
    /// body when one is critical. Leak rule: every connection busy in every reading for <see cref="HealthOptions.PoolLeakAfter"/>.
    /// </summary>
    public static RouteGroupBuilder MapDbPoolApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/health").WithTags("Health");
        group.MapGet("/db_pool", GetPoolsAsync)
            .WithName("DbPool")
            .Documented(
                "The database connection pool of every service that owns a database",
                "Per service its Npgsql pool (size, busy, idle, pending, utilization in percent: healthy ≤ 70 %, warning above, critical "
                + "above 90 %), a suspected leak when every connection has been busy for `Health:PoolLeakAfter` (30 s), and advice. A "
                + "service that cannot be read is `unavailable`. 200; 503 with the same body when a pool is critical.")
            .WithResponseExample(HealthExamples.DbPool)
            .Produces<DbPoolReport>(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<DbPoolReport>, JsonHttpResult<DbPoolReport>>> GetPoolsAsync(
        IPoolGatherer gatherer, TimedProbe probe, IOptions<HealthOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var services = await Task.WhenAll(options.Value.ProbedServices.Select(async service =>
        {
            PoolSnapshot? pool = null;
            var report = await probe.RunAsync(
                service, ComponentStatus.Unhealthy, async token => pool = await gatherer.GatherAsync(service, token), cancellationToken);
            return pool is { } figures && report.IsUp
                ? Assess(service, figures, options.Value.PoolLeakAfter)
                : new ServicePool(service, "unavailable", report.Detail, null, false, []);
        }));
        var body = new DbPoolReport(clock.GetUtcNow(), services.Any(service => service.LeakDetected), services);
        return services.Any(service => service.PoolStatus?.Health == PoolStatus.Critical)
            ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(body);
    }

    internal static ServicePool Assess(string service, PoolSnapshot pool, TimeSpan leakAfter)
    {
        var status = PoolStatus.From(pool);
        var leak = pool.SaturatedSeconds >= leakAfter.TotalSeconds;
        List<string> advice = [];
        if (status.Health == PoolStatus.Critical)
        {
            advice.Add($"Utilization {Percent(status.Utilization)} is critical: raise Maximum Pool Size or shorten how long connections are held.");
        }
        else if (status.Health == PoolStatus.Warning)
        {
            advice.Add($"Utilization {Percent(status.Utilization)} is high: watch it and consider a larger Maximum Pool Size.");
        }
        if (pool.PendingRequests > 0)
        {
            advice.Add($"{pool.PendingRequests.ToString(CultureInfo.InvariantCulture)} requests are waiting for a connection.");
        }
        if (leak)
        {
            advice.Add("Every connection has been busy since the last readings: look for connections opened and never disposed.");
        }
        if (advice.Count == 0)
        {
            advice.Add("Pool is healthy.");
        }
        return new ServicePool(service, "ok", null, status, leak, advice);
    }

    private static string Percent(double value) => $"{value.ToString("0.##", CultureInfo.InvariantCulture)}%";
}

internal sealed record DbPoolReport(DateTimeOffset Timestamp, bool LeakDetected, IReadOnlyList<ServicePool> Services);

internal sealed record ServicePool(
    string Service, string Status, string? Detail, PoolStatus? PoolStatus, bool LeakDetected, IReadOnlyList<string> Recommendations);
