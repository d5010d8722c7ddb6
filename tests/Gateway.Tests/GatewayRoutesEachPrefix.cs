using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Gateway.Security;

namespace Platform.Gateway.Tests;

public sealed class GatewayRoutesEachPrefix(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private readonly WebApplicationFactory<Program> _gateway = TestGateway.Create(services.Urls);

    public void Dispose() => _gateway.Dispose();

    [Theory]
    [InlineData("/api/v1/backtests/", "backtests")]
    [InlineData("/api/v1/backtests/42/trades?side=buy", "backtests")]
    [InlineData("/api/v1/strategies", "backtests")]
    [InlineData("/api/v1/optimizations/7/best", "optimizations")]
    [InlineData("/api/v1/marketdata/bybit/klines?symbol=BTCUSDT", "marketdata")]
    [InlineData("/api/v1/marketdata/candles?symbol=BTCUSDT&interval=60&limit=500&cursor=MTpCVENVU0RUOjYwOjA", "marketdata")]
    [InlineData("/api/v1/marketdata/uploads?limit=10&offset=20", "marketdata")]
    [InlineData("/api/v1/health", "health")]
    [InlineData("/api/v1/health/db_pool", "health")]
    public async Task ApiPrefixesReachTheirServiceWithThePathUnchanged(string path, string service)
    {
        var echo = await _gateway.CreateClient(Roles.Reader).GetFromJsonAsync<Echo>(path);

        Assert.Equal(service, echo!.Service);
        Assert.Equal(path, echo.Path);
    }

    [Theory]
    [InlineData("backtests")]
    [InlineData("optimizations")]
    [InlineData("marketdata")]
    [InlineData("health")]
    public async Task EachServiceDocumentIsServedUnderItsName(string service)
    {
        foreach (var path in (string[])[$"/openapi/{service}/v1.json", $"/docs/openapi/{service}/v1.json"])
        {
            var echo = await _gateway.CreateClient().GetFromJsonAsync<Echo>(path);

            Assert.Equal(service, echo!.Service);
            Assert.Equal("/openapi/v1.json", echo.Path);
            Assert.Equal("localhost", echo.Host);
        }
    }

    [Theory]
    [InlineData("backtests", "ready")]
    [InlineData("marketdata", "live")]
    public async Task ServiceProbesAreReachableThroughTheGateway(string service, string probe)
    {
        var echo = await _gateway.CreateClient().GetFromJsonAsync<Echo>($"/health/{service}/{probe}");

        Assert.Equal(service, echo!.Service);
        Assert.Equal($"/health/{probe}", echo.Path);
    }

    [Fact]
    public async Task UnknownPathsAreNotFound()
    {
        using var response = await _gateway.CreateClient(Roles.Admin).GetAsync("/api/v1/unknown");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheApiReferenceListsAllFourDocuments()
    {
        var page = await _gateway.CreateClient().GetStringAsync("/docs/");

        foreach (var service in ServiceDefaults.ResourceNames.Services)
        {
            Assert.Contains($"\"url\":\"openapi/{service}/v1.json\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheGatewayAnswersItsOwnProbes()
    {
        using var response = await _gateway.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
