using System.Diagnostics;

namespace Platform.Health.Tests;

public sealed class MetricsPassPromtool(HealthFactory factory, PlatformStubs stubs)
    : IClassFixture<HealthFactory>, IClassFixture<PlatformStubs>
{
    [Fact]
    public async Task MetricsAreValidPrometheusTextWithComponentGauges()
    {
        await using var health = stubs.HealthService(factory);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await health.CreateClient().GetAsync("/api/v1/health/metrics", cancellation.Token);
        var text = await response.Content.ReadAsStringAsync(cancellation.Token);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("platform_component_up{", text, StringComparison.Ordinal);
        Assert.Contains("component=\"redis\"", text, StringComparison.Ordinal);
        Assert.Contains("platform_component_response_seconds{", text, StringComparison.Ordinal);
        var (exitCode, output) = await CheckMetricsAsync(text, cancellation.Token);
        Assert.True(exitCode == 0, output);
    }

    /// <summary>Runs <c>promtool check metrics</c>; scripts/prerequisites.sh installs it, so a missing binary fails the test.</summary>
    private static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string text, CancellationToken cancellationToken)
    {
        using var promtool = Process.Start(new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("promtool did not start");
        await promtool.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
        promtool.StandardInput.Close();
        var output = await promtool.StandardOutput.ReadToEndAsync(cancellationToken) + await promtool.StandardError.ReadToEndAsync(cancellationToken);
        await promtool.WaitForExitAsync(cancellationToken);
        return (promtool.ExitCode, output);
    }
}
