using System.Text;
using Platform.MarketData.Tests.Uploads;

namespace Platform.MarketData.Tests.Candles;

public sealed class StoredCandlesAreCounted(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task IngestsAndBybitCallsShowOnTheMetricsEndpoint()
    {
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(
            client, "metrics.csv", Encoding.UTF8.GetBytes("open_time,open,high,low,close\n1704067200000,1,2,0.5,1.5\n1704067260000,1,2,3,1.5\n"), "METRICUSDT", "1");
        await UploadRequests.IngestOkAsync(client, id);
        await client.GetStringAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=METRICUSDT&interval=60&limit=5&persist=1");

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("marketdata_candles_stored", metrics, StringComparison.Ordinal);
        Assert.Contains("origin=\"upload\"", metrics, StringComparison.Ordinal);
        Assert.Contains("origin=\"bybit\"", metrics, StringComparison.Ordinal);
        Assert.Contains("marketdata_ingest_rejected_rows", metrics, StringComparison.Ordinal);
        Assert.Contains("marketdata_bybit_requests", metrics, StringComparison.Ordinal);
    }
}
