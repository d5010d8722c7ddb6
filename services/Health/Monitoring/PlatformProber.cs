using Microsoft.Extensions.Options;
using Platform.Health.Bybit;
using Platform.ServiceDefaults;

namespace Platform.Health.Monitoring;

/// <summary>
/// Probes every platform service's readiness, PostgreSQL, Redis and Bybit at once, each under its timeout (docs/api-behaviour.md, 5.1).
/// A service, PostgreSQL or Redis down makes the platform unhealthy; Bybit down only degrades it.
/// </summary>
internal sealed class PlatformProber(
    IServiceReadinessProber services,
    IDatabaseProbe database,
    RedisProbe redis,
    IBybitProbe bybit,
    BybitTimeCache bybitCache,
    TimedProbe probe,
    ComponentMetrics metrics,
    IOptions<HealthOptions> options,
    TimeProvider clock)
{
    public const string Bybit = "bybit";

    public async Task<PlatformReport> CheckAllAsync(CancellationToken cancellationToken)
    {
        var checks = options.Value.ProbedServices
            .Select(service => probe.RunAsync(service, ComponentStatus.Unhealthy, token => services.ProbeAsync(service, token), cancellationToken))
            .Append(CheckDatabaseAsync(cancellationToken))
            .Append(probe.RunAsync(ResourceNames.Redis, ComponentStatus.Unhealthy, _ => redis.ProbeAsync(), cancellationToken))
            .Append(CheckBybitAsync(cancellationToken));
        var components = await Task.WhenAll(checks);
        var report = new PlatformReport(Worst(components), clock.GetUtcNow(), components);
        metrics.Update(report);
        return report;
    }

    /// <summary>
    /// The monitoring summary (docs/api-behaviour.md, 5.7): PostgreSQL and Bybit only, with the same timeouts and the
    /// cached Bybit check.
    /// </summary>
    public async Task<PlatformReport> CheckDatabaseAndBybitAsync(CancellationToken cancellationToken)
    {
        var components = await Task.WhenAll(CheckDatabaseAsync(cancellationToken), CheckBybitAsync(cancellationToken));
        return new PlatformReport(Worst(components), clock.GetUtcNow(), components);
    }

    public static string Worst(IEnumerable<ComponentReport> components)
    {
        var statuses = components.Select(component => component.Status).ToHashSet(StringComparer.Ordinal);
        return statuses.Contains(ComponentStatus.Unhealthy) ? ComponentStatus.Unhealthy
            : statuses.Contains(ComponentStatus.Degraded) ? ComponentStatus.Degraded
            : ComponentStatus.Healthy;
    }

    private Task<ComponentReport> CheckDatabaseAsync(CancellationToken cancellationToken) =>
        probe.RunAsync(ResourceNames.Postgres, ComponentStatus.Unhealthy, database.ProbeAsync, cancellationToken);

    private Task<ComponentReport> CheckBybitAsync(CancellationToken cancellationToken) =>
        bybitCache.GetAsync(token => probe.RunAsync(Bybit, ComponentStatus.Degraded, bybit.CheckServerTimeAsync, token), cancellationToken);
}
