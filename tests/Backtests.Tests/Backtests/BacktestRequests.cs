using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Backtests.Tests.Backtests;

/// <summary>Requests a user sends to create strategies and backtests.</summary>
internal static class BacktestRequests
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<long> CreateStrategyAsync(HttpClient client, string name, JsonObject? config = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/strategies/", new JsonObject
        {
            ["name"] = name,
            ["strategy_type"] = "sma_crossover",
            ["config"] = config ?? new JsonObject { ["fast"] = 5, ["slow"] = 20 },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    public static JsonObject Backtest(long strategyId, string symbol = "BTCUSDT", string timeframe = "60", int hours = 500) => new()
    {
        ["strategy_id"] = strategyId,
        ["symbol"] = symbol,
        ["timeframe"] = timeframe,
        ["start_date"] = Start.ToString("O"),
        ["end_date"] = Start.AddHours(hours).ToString("O"),
        ["initial_capital"] = 10_000,
        ["leverage"] = 1,
        ["commission"] = 0.0006,
    };

    public static async Task<JsonElement> CreateAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/backtests/", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, long id) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/{id}")).RootElement.Clone();

    /// <summary>The status and ProblemDetails of an answer.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Problem)> ProblemAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>The field names under a ProblemDetails' <c>errors</c>, in ordinal order (none when it has no <c>errors</c>).</summary>
    public static string[] ErrorFields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal)] : [];
}
