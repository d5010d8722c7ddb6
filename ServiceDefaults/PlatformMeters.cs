using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Platform.ServiceDefaults;

/// <summary>The meters whose instruments every service exports on <c>/metrics</c>.</summary>
public static class PlatformMeters
{
    public const string Prefix = "Platform.";

    private const string CountSuffix = ".count";

    public static readonly string[] Names = [$"{Prefix}*"];

    /// <summary>
    /// promtool rejects a <c>_count</c> suffix on anything but histograms and summaries, so up-down counters such as
    /// Npgsql's <c>db.client.connection.count</c> are exported as <c>..._current</c> on every service's <c>/metrics</c>.
    /// </summary>
    public static MetricStreamConfiguration? PrometheusName(Instrument instrument) =>
        instrument.Name.EndsWith(CountSuffix, StringComparison.Ordinal)
            ? new MetricStreamConfiguration { Name = $"{instrument.Name[..^CountSuffix.Length]}.current" }
            : null;
}
