using System.Text.Json;

namespace Platform.Health.Tests;

public sealed class MetricsAreInTheOpenApiDocument(HealthFactory factory) : IClassFixture<HealthFactory>
{
    [Fact]
    public async Task TheDocumentDescribesGetMetricsAsPrometheusText()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", cancellation.Token)).RootElement;

        var metrics = document.GetProperty("paths").GetProperty("/api/v1/health/metrics").GetProperty("get");
        Assert.Contains(metrics.GetProperty("tags").EnumerateArray(), tag => tag.GetString() == "Health");
        Assert.True(metrics.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/plain", out _));
    }
}
