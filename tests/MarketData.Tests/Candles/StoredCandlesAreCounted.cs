using System.Text;
using System.Text.Json;
using Platform.MarketData.Tests.Uploads;

namespace Platform.MarketData.Tests.Candles;

public sealed class StoredCandlesAreCounted(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task IngestsAndBybitCallsAreCountedOnTheHostsOwnMeterAndExported()
    {
        using var stored = new HostCounter(factory.Services, "marketdata.candles.stored");
        using var rejected = new HostCounter(factory.Services, "marketdata.ingest.rejected_rows");
        using var requests = new HostCounter(factory.Services, "marketdata.bybit.requests");
        var client = factory.CreateClient();
        // The second row's low (3) is above its high (2): one row stored, one rejected.
        var id = await UploadRequests.UploadIdAsync(
            client, "metrics.csv", Encoding.UTF8.GetBytes("open_time,open,high,low,close\n1704067200000,1,2,0.5,1.5\n1704067260000,1,2,3,1.5\n"), "METRICUSDT", "1");
        await UploadRequests.IngestOkAsync(client, id);

        // The newest of five hourly candles is still open and is not stored.
        var fetched = JsonDocument.Parse(await client.GetStringAsync("/api/v1/marketdata/bybit/klines/fetch?symbol=METRICUSDT&interval=60&limit=5&persist=1")).RootElement;

        Assert.Equal([true, true, true, true, false], fetched.EnumerateArray().Select(candle => candle.GetProperty("closed").GetBoolean()));
        Assert.Equal(new Dictionary<string, long> { ["upload"] = 1, ["bybit"] = 4 }, stored.By("origin"));
        Assert.Equal(1, rejected.Total);
        Assert.Equal(new Dictionary<string, long> { ["ok"] = 1 }, requests.By("outcome"));

        // /metrics adds up the meters of every host in this test process, so it shows only that the counters are exported.
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Matches("(?m)^# TYPE marketdata_candles_stored_total counter$", metrics);
        Assert.Matches("(?m)^# TYPE marketdata_ingest_rejected_rows_total counter$", metrics);
        Assert.Matches("(?m)^# TYPE marketdata_bybit_requests_total counter$", metrics);
    }
}
