using Platform.Testing;

namespace Platform.Health.Tests;

public sealed class MetricsPassPromtool(HealthFactory factory, PlatformStubs stubs)
    : IClassFixture<HealthFactory>, IClassFixture<PlatformStubs>
{
    [Fact]
    public async Task MetricsAreValidPrometheusTextWithComponentGauges()
    {
        await using var health = stubs.HealthService(factory);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await health.CreateClient(Caller.Admin).GetAsync("/api/v1/health/metrics", cancellation.Token);
        var text = await response.Content.ReadAsStringAsync(cancellation.Token);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("platform_component_up{", text, StringComparison.Ordinal);
        Assert.Contains("component=\"redis\"", text, StringComparison.Ordinal);
        Assert.Contains("platform_component_response_seconds{", text, StringComparison.Ordinal);
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text, cancellation.Token);
        Assert.True(exitCode == 0, output);
    }
}
