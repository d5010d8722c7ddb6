namespace Platform.Health.Monitoring;

/// <summary>One component of the platform as the overall check saw it (the component object of docs/api-behaviour.md, 5.7).</summary>
internal sealed record ComponentReport(string Name, string Status, double ResponseTimeMs, string Detail, DateTimeOffset LastCheck)
{
    public bool IsUp => Status == ComponentStatus.Healthy;
}

/// <summary>The answer of <c>GET /api/v1/health</c>: the worst status and every component.</summary>
internal sealed record PlatformReport(string Status, DateTimeOffset Timestamp, IReadOnlyList<ComponentReport> Components);
