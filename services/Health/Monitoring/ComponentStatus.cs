namespace Platform.Health.Monitoring;

/// <summary>The statuses of contract §6.1 and §6.7.</summary>
internal static class ComponentStatus
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";
}
