using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults;

internal sealed record HealthReportBody(string Status, double DurationMs, IReadOnlyList<HealthCheckBody> Checks);

internal sealed record HealthCheckBody(string Name, string Status, string? Description, double DurationMs);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HealthReportBody))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
