using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;

namespace Platform.Optimizations.Tests.Search;

/// <summary>
/// An hourly series of two overlapping cycles (150 and 37 hours), uploaded and strictly ingested through the market data
/// service: SMA crossovers trade its swings, so their score changes smoothly over the parameters and a search has a
/// landscape to learn, where the fake exchange's noise has none.
/// </summary>
internal static class CycleSeries
{
    public const string Symbol = "CYCLEUSDT";
    public const int Hours = 2_000;
    public static readonly DateTimeOffset Start = new(2023, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ConditionalWeakTable<OptimizationsFactory, Task> Uploads = [];

    /// <summary>Uploads the series once per factory (each has its own market data database).</summary>
    public static Task UploadAsync(OptimizationsFactory factory)
    {
        lock (Uploads)
        {
            return Uploads.GetValue(factory, UploadOnceAsync);
        }
    }

    private static async Task UploadOnceAsync(OptimizationsFactory factory)
    {
        var client = factory.MarketData.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Symbol), "symbol" },
            { new StringContent("60"), "interval" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "cycle.csv");
        using var uploaded = await client.PostAsync("/api/v1/marketdata/upload", form);
        var upload = await uploaded.Content.ReadAsStringAsync();
        Assert.True(uploaded.IsSuccessStatusCode, upload);
        var uploadId = JsonDocument.Parse(upload).RootElement.GetProperty("upload_id").GetString();
        using var ingest = await client.PostAsync(
            $"/api/v1/marketdata/uploads/{uploadId}/ingest", new FormUrlEncodedContent([KeyValuePair.Create("strict", "1")]));
        var ingested = await ingest.Content.ReadAsStringAsync();
        Assert.True(ingest.IsSuccessStatusCode, ingested);
        Assert.Equal(Hours, JsonDocument.Parse(ingested).RootElement.GetProperty("inserted").GetInt32());
    }

    /// <summary>An optimization of a new SMA-crossover strategy over the whole series, ranging over <paramref name="space"/>.</summary>
    public static async Task<long> OptimizationAsync(OptimizationsFactory factory, HttpClient client, JsonObject space, string metric)
    {
        await UploadAsync(factory);
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("cycle"));
        var body = OptimizationRequests.Optimization(strategyId);
        body["symbol"] = Symbol;
        body["start_date"] = Start.ToString("O");
        body["end_date"] = Start.AddHours(Hours).ToString("O");
        body["param_ranges"] = space;
        body["metric"] = metric;
        return (await OptimizationRequests.CreateAsync(client, body)).GetProperty("id").GetInt64();
    }

    public static double Close(int hour) => 100 + 8 * Math.Sin(2 * Math.PI * hour / 150) + 3 * Math.Sin(2 * Math.PI * hour / 37);

    private static string Csv()
    {
        var csv = new StringBuilder("open_time,open,high,low,close,volume\n");
        for (var hour = 0; hour < Hours; hour++)
        {
            var (open, close) = (Close(hour - 1), Close(hour));
            csv.Append(CultureInfo.InvariantCulture,
                $"{Start.AddHours(hour).ToUnixTimeMilliseconds()},{open:F4},{Math.Max(open, close) + 0.05:F4},{Math.Min(open, close) - 0.05:F4},{close:F4},100\n");
        }
        return csv.ToString();
    }
}
