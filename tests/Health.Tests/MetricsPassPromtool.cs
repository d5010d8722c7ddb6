using System.Globalization;
using System.Text.RegularExpressions;
using Platform.ServiceDefaults;
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
        string[] components = [.. PlatformStubs.Services, ResourceNames.Postgres, ResourceNames.Redis, "bybit"];
        var up = Samples(text, "platform_component_up");
        Assert.Equal(components.Order(), up.Keys.Order());
        Assert.All(up.Values, value => Assert.Equal(1, value));
        var seconds = Samples(text, "platform_component_response_seconds");
        Assert.Equal(components.Order(), seconds.Keys.Order());
        Assert.All(seconds.Values, value => Assert.InRange(value, 0, PlatformStubs.ProbeTimeout.TotalSeconds));
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text, cancellation.Token);
        Assert.True(exitCode == 0, output);
    }

    /// <summary>The value of each sample of <paramref name="metric"/>, by its <c>component</c> label.</summary>
    private static Dictionary<string, double> Samples(string text, string metric) =>
        Regex.Matches(text, $$"""^{{metric}}\{[^}]*component="(?<component>[^"]+)"[^}]*\} (?<value>\S+)""", RegexOptions.Multiline)
            .ToDictionary(match => match.Groups["component"].Value, match => double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
}
