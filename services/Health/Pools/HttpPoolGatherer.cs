using System.Text.Json;
using Platform.Health.Monitoring;
using Platform.ServiceDefaults.Pools;

namespace Platform.Health.Pools;

/// <summary>Calls <c>http://&lt;service&gt;/internal/db-pool</c>, which ServiceDefaults maps in every service with a data source.</summary>
internal sealed class HttpPoolGatherer(HttpClient http) : IPoolGatherer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<PoolSnapshot> GatherAsync(string service, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"http://{service}{PoolEndpoints.Path}"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ProbeFailedException($"pool endpoint answered {(int)response.StatusCode}");
        }
        return await response.Content.ReadFromJsonAsync<PoolSnapshot>(Json, cancellationToken)
            ?? throw new ProbeFailedException("pool endpoint answered nothing");
    }
}
