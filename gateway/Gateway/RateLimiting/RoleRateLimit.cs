namespace Platform.Gateway.RateLimiting;

/// <summary>The token bucket of a role: <see cref="TokenLimit"/> requests at once, refilled by <see cref="TokensPerPeriod"/> every <see cref="Period"/>.</summary>
public sealed record RoleRateLimit
{
    public int TokenLimit { get; init; } = 200;

    public int TokensPerPeriod { get; init; } = 100;

    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(1);
}
