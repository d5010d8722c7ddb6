using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.AppHost.Running;

namespace Platform.AppHost.Dashboard;

/// <summary>One resource as the dashboard's JSON shows it.</summary>
public sealed record ResourceView(
    string Name, string Type, string State, int? Pid, int Restarts, double? UptimeSeconds, string? Url, string? Docs,
    IReadOnlyList<string> References, ServiceFigures? Figures)
{
    public static ResourceView From(ResourceStatus status, ServiceFigures? figures, string? gatewayDocs, DateTimeOffset now) => new(
        status.Name,
        status.Type,
        status.State.ToString().ToLowerInvariant(),
        status.ProcessId,
        status.Restarts,
        status is { ProcessId: not null, StartedAt: { } started } ? Math.Round((now - started).TotalSeconds) : null,
        status.Url,
        status.Type == "project" ? gatewayDocs : null,
        status.References,
        figures);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<ResourceView>))]
[JsonSerializable(typeof(IReadOnlyList<LogLine>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
