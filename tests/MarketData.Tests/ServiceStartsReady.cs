using System.Net;
using System.Text.Json;

namespace Platform.MarketData.Tests;

public sealed class ServiceStartsReady(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task ReadinessAndTheOpenApiDocumentAnswer()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        // Every route the service maps (its Map*Api extensions), and nothing else.
        Assert.Equal(
            [
                "/api/v1/marketdata/bybit/klines",
                "/api/v1/marketdata/bybit/klines/fetch",
                "/api/v1/marketdata/bybit/klines/working",
                "/api/v1/marketdata/bybit/mtf",
                "/api/v1/marketdata/bybit/prime",
                "/api/v1/marketdata/bybit/prime/{jobId}",
                "/api/v1/marketdata/bybit/prime/{jobId}/events",
                "/api/v1/marketdata/bybit/recent-trades",
                "/api/v1/marketdata/bybit/reset",
                "/api/v1/marketdata/candles",
                "/api/v1/marketdata/quality",
                "/api/v1/marketdata/upload",
                "/api/v1/marketdata/uploads",
                "/api/v1/marketdata/uploads/{uploadId}",
                "/api/v1/marketdata/uploads/{uploadId}/ingest",
                "/api/v1/marketdata/uploads/{uploadId}/ingest/{jobId}",
                "/internal/candles",
            ],
            document.GetProperty("paths").EnumerateObject().Select(path => path.Name).Order(StringComparer.Ordinal));
    }
}
