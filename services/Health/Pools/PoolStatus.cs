using Platform.ServiceDefaults.Pools;

namespace Platform.Health.Pools;

/// <summary>
/// The contract's <c>pool_status</c> (docs/api-behaviour.md, 5.5) for an Npgsql pool: <c>size</c> is Maximum Pool Size, <c>checked_out</c> the busy
/// connections, <c>checked_in</c> the idle ones; utilization = busy / max in percent; healthy ≤ 70 %, warning > 70 %,
/// critical > 90 %.
/// </summary>
internal sealed record PoolStatus(
    int Size,
    int MinPoolSize,
    int CheckedOut,
    int CheckedIn,
    int TotalConnections,
    int PendingRequests,
    double Utilization,
    string Health,
    int TotalCapacity,
    int AvailableCapacity,
    bool IsHealthy,
    bool NeedsAttention)
{
    public const string Healthy = "healthy";
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static PoolStatus From(PoolSnapshot pool)
    {
        var utilization = pool.MaxPoolSize == 0 ? 0 : Math.Round(100.0 * pool.Busy / pool.MaxPoolSize, 2);
        var health = utilization > 90 ? Critical : utilization > 70 ? Warning : Healthy;
        return new PoolStatus(
            pool.MaxPoolSize, pool.MinPoolSize, pool.Busy, pool.Idle, pool.Total, pool.PendingRequests, utilization, health,
            pool.MaxPoolSize, pool.MaxPoolSize - pool.Busy, health == Healthy, health != Healthy);
    }
}
