namespace Platform.Health.Monitoring;

/// <summary>How many components are in each status (the <c>summary</c> of docs/api-behaviour.md, 5.7); the dashboard drops <c>total</c>.</summary>
internal sealed record StatusCounts(int Healthy, int Degraded, int Unhealthy)
{
    public static StatusCounts Of(IReadOnlyCollection<ComponentReport> components) => new(
        components.Count(component => component.Status == ComponentStatus.Healthy),
        components.Count(component => component.Status == ComponentStatus.Degraded),
        components.Count(component => component.Status == ComponentStatus.Unhealthy));
}

internal sealed record TotalledCounts(int Healthy, int Degraded, int Unhealthy, int Total)
{
    public static TotalledCounts Of(IReadOnlyCollection<ComponentReport> components)
    {
        var counts = StatusCounts.Of(components);
        return new(counts.Healthy, counts.Degraded, counts.Unhealthy, components.Count);
    }
}
