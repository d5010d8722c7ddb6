using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Backtests.Tests.Strategies;

/// <summary>Calls of the strategies API shared by its tests.</summary>
internal static class StrategyRequests
{
    public const string Path = "/api/v1/strategies";

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string json, CancellationToken cancellationToken) =>
        client.PostAsync($"{Path}/", new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);

    public static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, long id, string json, CancellationToken cancellationToken) =>
        client.PutAsync($"{Path}/{id}", new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);

    /// <summary>Creates a strategy and returns the answer's body, failing the test unless it is 201.</summary>
    public static async Task<JsonElement> CreateAsync(
        HttpClient client, string name, string strategyType, object? config, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(
            $"{Path}/", new { name, strategy_type = strategyType, config }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync(response, cancellationToken);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);

    /// <summary>The field names of a ProblemDetails' <c>errors</c>.</summary>
    public static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await ReadAsync(response, cancellationToken);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(error => error.Name)];
    }
}
