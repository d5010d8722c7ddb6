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
}
