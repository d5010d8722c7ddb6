using System.Globalization;
using System.Text.Json;
using Platform.Testing.FakeBybit;

namespace Platform.Backtests.Tests.Charts;

/// <summary>Reading the trades chart as a user would, and what its candles are by the fake market's definition.</summary>
internal static class TradeCharts
{
    public static async Task<JsonElement> FigureAsync(HttpClient client, long id, string query, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync($"/api/v1/backtests/{id}/charts/trades?format=figure{query}", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static JsonElement Trace(JsonElement figure, string name) =>
        figure.GetProperty("data").EnumerateArray().Single(trace => trace.GetProperty("name").GetString() == name);

    public static string[] Times(JsonElement trace) => [.. trace.GetProperty("x").EnumerateArray().Select(x => x.GetString()!)];

    public static double[] Values(JsonElement trace) => [.. trace.GetProperty("y").EnumerateArray().Select(y => y.GetDouble())];

    /// <summary>A time as the figures write it: ISO-8601 UTC without an offset.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The close the market data service stores for a fake candle: the text Bybit sent, read as a double.</summary>
    public static double Close(string symbol, DateTimeOffset openTime) =>
        double.Parse(FakeMarket.Candle(symbol, openTime.ToUnixTimeMilliseconds()).Close.ToString("0.############", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
