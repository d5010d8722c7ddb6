namespace Platform.Health.Monitoring;

/// <summary>The component object of docs/api-behaviour.md, 5.7: <see cref="ComponentReport"/> with the appendix's <c>details</c> key.</summary>
internal sealed record MonitoredComponent(string Name, string Status, double ResponseTimeMs, string Details, DateTimeOffset LastCheck)
{
    public static MonitoredComponent From(ComponentReport report) =>
        new(report.Name, report.Status, report.ResponseTimeMs, report.Detail, report.LastCheck);
}
