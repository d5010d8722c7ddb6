using System.Net;

namespace Platform.MarketData.Tests;

public sealed class ServiceStartsReady(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task ReadinessAndTheOpenApiDocumentAnswer()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/marketdata/bybit/klines", document, StringComparison.Ordinal);
    }
}
