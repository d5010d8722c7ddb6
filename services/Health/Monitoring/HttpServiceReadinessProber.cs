using System.Text.Json;
using Platform.ServiceDefaults;

namespace Platform.Health.Monitoring;

/// <summary>
/// Calls <c>http://&lt;service&gt;/health/ready</c> through service discovery; a refusal names the service's failing
/// checks (its database, Redis, a job queue that cannot be read) as its readiness report lists them.
/// </summary>
internal sealed class HttpServiceReadinessProber(HttpClient http) : IServiceReadinessProber
{
    public async Task ProbeAsync(string service, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"http://{service}{Extensions.ReadyPath}"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var failing = FailingChecks(await response.Content.ReadAsStringAsync(cancellationToken));
            throw new ProbeFailedException($"readiness answered {(int)response.StatusCode}{(failing.Length == 0 ? "" : $": {failing}")}");
        }
    }

    private static string FailingChecks(string report)
    {
        try
        {
            using var document = JsonDocument.Parse(report);
            if (!document.RootElement.TryGetProperty("checks", out var checks) || checks.ValueKind != JsonValueKind.Array)
            {
                return "";
            }
            return string.Join("; ", checks.EnumerateArray()
                .Where(check => check.TryGetProperty("status", out var status) && status.GetString() != "Healthy")
                .Select(check => $"{check.GetProperty("name").GetString()} {check.GetProperty("status").GetString()}"
                    + (check.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String ? $" ({description.GetString()})" : "")));
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
