using System.Net;
using System.Text.Json;
using Platform.Client;
using Platform.Client.Backtests.Models;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>Calls through the gateway: a strategy to run, a backtest followed to its end, an answer that must have a given status.</summary>
internal static class GatewayCalls
{
    public static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Creates an SMA-crossover strategy with its default parameters and returns its id.</summary>
    public static async Task<long> CreateStrategyAsync(this PlatformClient api, string name) =>
        (await api.Backtests.Api.V1.Strategies.PostAsync(new CreateStrategyRequest { Name = name, StrategyType = "sma_crossover" }))!.Id!.Value;

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
