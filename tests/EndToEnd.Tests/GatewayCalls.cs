using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>Requests through the gateway that must answer a given status, with the body in the failure message.</summary>
internal static class GatewayCalls
{
    public static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);

    public static async Task<JsonElement> PostJsonAsync(this HttpClient gateway, string path, JsonObject body, HttpStatusCode expected)
    {
        using var response = await gateway.PostAsJsonAsync(path, body);
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonElement> PostFormAsync(this HttpClient gateway, string path, Dictionary<string, string> form, HttpStatusCode expected)
    {
        using var response = await gateway.PostAsync(path, new FormUrlEncodedContent(form));
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient gateway, string path)
    {
        using var response = await gateway.GetAsync(path);
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Creates an SMA-crossover strategy with its default parameters and returns its id.</summary>
    public static async Task<long> CreateStrategyAsync(this HttpClient gateway, string name) =>
        (await gateway.PostJsonAsync("/api/v1/strategies/", new JsonObject { ["name"] = name, ["strategy_type"] = "sma_crossover" }, HttpStatusCode.Created))
            .GetProperty("id").GetInt64();

    /// <summary>Polls <paramref name="path"/> until its <c>status</c> leaves the running states, and returns the last answer.</summary>
    public static Task<JsonElement> UntilFinishedAsync(this HttpClient gateway, string path, string what) =>
        Eventually.ReturnsAsync(
            () => gateway.GetJsonAsync(path),
            body => body.GetProperty("status").GetString() is "completed" or "failed" or "cancelled",
            JobTimeout, what);

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
