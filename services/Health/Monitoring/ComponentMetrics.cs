using System.Diagnostics.Metrics;
using Platform.ServiceDefaults;

namespace Platform.Health.Monitoring;

/// <summary>
/// The last platform report as gauges on the <c>Platform.Health</c> meter, which the Prometheus exporter writes as
/// <c>platform_component_up{component}</c> (1/0) and <c>platform_component_response_seconds{component}</c>.
/// </summary>
internal sealed class ComponentMetrics
{
    private IReadOnlyList<ComponentReport> _components = [];

    public ComponentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create($"{PlatformMeters.Prefix}Health");
        meter.CreateObservableGauge(
            "platform.component.up",
            () => _components.Select(component => new Measurement<int>(component.IsUp ? 1 : 0, Tag(component))),
            description: "Whether the component answered its last health probe (1) or not (0).");
        meter.CreateObservableGauge(
            "platform.component.response",
            () => _components.Select(component => new Measurement<double>(component.ResponseTimeMs / 1000, Tag(component))),
            unit: "s",
            description: "How long the component's last health probe took.");
    }

    public void Update(PlatformReport report) => _components = report.Components;

    private static KeyValuePair<string, object?> Tag(ComponentReport component) => new("component", component.Name);
}
