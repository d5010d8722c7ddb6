using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Client;
using Platform.Client.Backtests.Models;
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
    public static async Task<long> CreateStrategyAsync(this PlatformClient api, string name) =>
        (await api.Backtests.Api.V1.Strategies.PostAsync(new CreateStrategyRequest { Name = name, StrategyType = "sma_crossover" }))!.Id!.Value;

    /// <summary>Polls <paramref name="path"/> until its <c>status</c> leaves the running states, and returns the last answer.</summary>
    public static Task<JsonElement> UntilFinishedAsync(this HttpClient gateway, string path, string what) =>
        Eventually.ReturnsAsync(() => gateway.GetJsonAsync(path), body => Finished(body.GetProperty("status").GetString()), JobTimeout, what);

    /// <summary>Polls a backtest until it leaves the running states, and returns the last answer.</summary>
    public static Task<BacktestView> UntilFinishedAsync(this PlatformClient api, long backtestId, string what) =>
        Eventually.ReturnsAsync(async () => (await api.Backtests.Api.V1.Backtests[backtestId].GetAsync())!, view => Finished(view.Status), JobTimeout, what);

    public static bool Finished(string? status) => status is "completed" or "failed" or "cancelled";

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
