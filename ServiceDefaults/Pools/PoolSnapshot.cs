namespace Platform.ServiceDefaults.Pools;

/// <summary>
/// The Npgsql pool figures of one service's data source, as <c>GET /internal/db-pool</c> answers them.
/// <paramref name="SaturatedSeconds"/> is how long every connection has been busy without a break between two readings
/// (0 when the pool is not full), the basis of the leak rule of <c>GET /api/v1/health/db_pool</c>.
/// </summary>
public sealed record PoolSnapshot(
    int Busy,
    int Idle,
    int Total,
    int MaxPoolSize,
    int MinPoolSize,
    int PendingRequests,
    double SaturatedSeconds,
    DateTimeOffset Timestamp);
