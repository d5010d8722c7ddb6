using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

namespace Platform.Optimizations.Strategies;

/// <summary>Strategies belong to the backtests service (no service reads another's database; docs/architecture.md, 2); asked over HTTP.</summary>
internal sealed class StrategyClient(HttpClient http)
{
    /// <summary>The strategy, or null when the backtests service does not know it.</summary>
    /// <exception cref="HttpRequestException">The backtests service could not answer.</exception>
    public async Task<StrategyInfo?> GetAsync(long id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/api/v1/strategies/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<StrategyInfo>(StrategyInfo.Json, cancellationToken);
    }

    public static IHostApplicationBuilder AddStrategyClient(IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<StrategyClient>(client => client.BaseAddress = new Uri($"http://{ResourceNames.Backtests}")).AddServiceIdentity();
        return builder;
    }
}

/// <summary>What an optimization needs of a strategy: its type and its default parameters.</summary>
internal sealed record StrategyInfo(long Id, string Name, string StrategyType, JsonObject? Config)
{
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
    };
}
