using Platform.ServiceDefaults;

namespace Platform.Health.Monitoring;

/// <summary>Calls <c>http://&lt;service&gt;/health/ready</c> through service discovery.</summary>
internal sealed class HttpServiceReadinessProber(HttpClient http) : IServiceReadinessProber
{
    public async Task ProbeAsync(string service, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"http://{service}{Extensions.ReadyPath}"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ProbeFailedException($"readiness answered {(int)response.StatusCode}");
        }
    }
}
