using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.AppHost.Running;

/// <summary>
/// <c>.platform/state.json</c>: the facts of the console table for scripts, written once every resource is ready and
/// removed on exit. Shape: <c>{"gateway": url, "resources": [{"name", "state", "url", "pid"}]}</c>.
/// </summary>
public static class StateFile
{
    public static async Task WriteAsync(string path, string gatewayUrl, IEnumerable<ResourceStatus> statuses, CancellationToken cancellationToken)
    {
        var state = new PlatformState(
            gatewayUrl,
            [.. statuses.Select(status => new ResourceEntry(status.Name, status.State.ToString().ToLowerInvariant(), status.Url, status.ProcessId))]);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(state, StateJsonContext.Default.PlatformState), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}

public sealed record PlatformState(string Gateway, IReadOnlyList<ResourceEntry> Resources);

public sealed record ResourceEntry(string Name, string State, string? Url, int? Pid);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlatformState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
