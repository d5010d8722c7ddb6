using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Optimizations.Tests.Grid;

/// <summary>Requests a user sends to create strategies (on the backtests service) and optimizations.</summary>
internal static class OptimizationRequests
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<long> CreateStrategyAsync(OptimizationsFactory factory, string name)
    {
        using var response = await factory.Backtests.CreateClient().PostAsJsonAsync("/api/v1/strategies/", new JsonObject
        {
            ["name"] = name,
            ["strategy_type"] = "sma_crossover",
            ["config"] = new JsonObject { ["fast"] = 5, ["slow"] = 20 },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    public static JsonObject Optimization(long strategyId, int hours = 600) => new()
    {
        ["strategy_id"] = strategyId,
        ["optimization_type"] = "grid_search",
        ["symbol"] = "BTCUSDT",
        ["timeframe"] = "60",
        ["start_date"] = Start.ToString("O"),
        ["end_date"] = Start.AddHours(hours).ToString("O"),
        ["param_ranges"] = new JsonObject
        {
            ["fast"] = new JsonArray(3, 5, 8),
            ["slow"] = new JsonObject { ["min"] = 10, ["max"] = 30, ["step"] = 10 },
        },
        ["metric"] = "total_return",
        ["initial_capital"] = 10_000,
    };

    public static async Task<JsonElement> CreateAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/optimizations/", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, long id) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/{id}")).RootElement.Clone();

    /// <summary>A new optimization of a new strategy named <paramref name="strategyName"/> plus a unique suffix, after <paramref name="edit"/>.</summary>
    public static async Task<long> CreateIdAsync(OptimizationsFactory factory, HttpClient client, string strategyName, Action<JsonObject>? edit = null)
    {
        var body = Optimization(await CreateStrategyAsync(factory, Unique(strategyName)));
        edit?.Invoke(body);
        return (await CreateAsync(client, body)).GetProperty("id").GetInt64();
    }

    /// <summary>A strategy name no other test uses: strategy names are unique.</summary>
    public static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 13, 60)];

    /// <summary>The status and JSON body of an answer (a ProblemDetails for 4xx).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The names under the ProblemDetails <c>errors</c>, in order.</summary>
    public static string[] ErrorFields(JsonElement problem) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal)] : [];

    /// <summary>A queued backtest of <paramref name="strategyId"/> over nine days of BTCUSDT hours, created on the backtests service.</summary>
    public static async Task<long> QueuedBacktestAsync(HttpClient backtests, long strategyId)
    {
        using var created = await backtests.PostAsJsonAsync("/api/v1/backtests/", new JsonObject
        {
            ["strategy_id"] = strategyId,
            ["symbol"] = "BTCUSDT",
            ["timeframe"] = "60",
            ["start_date"] = "2024-01-01T00:00:00Z",
            ["end_date"] = "2024-01-10T00:00:00Z",
            ["initial_capital"] = 10_000,
        });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>Completes a queued backtest through the external worker protocol: a claim, then <paramref name="results"/>.</summary>
    public static async Task CompleteBacktestAsync(HttpClient backtests, long id, JsonObject results)
    {
        using var claimed = await backtests.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "test" });
        using var completed = await backtests.PostAsJsonAsync($"/api/v1/backtests/{id}/results", results);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
    }
}
