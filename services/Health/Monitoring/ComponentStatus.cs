namespace Platform.Health.Monitoring;

/// <summary>The statuses of docs/api-behaviour.md, 5.1 and 5.7.</summary>
internal static class ComponentStatus
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";
}
