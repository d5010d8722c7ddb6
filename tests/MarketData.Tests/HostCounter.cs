using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Platform.MarketData.Bybit;

namespace Platform.MarketData.Tests;

/// <summary>
/// One counter of the <c>Platform.MarketData</c> meter as recorded by a single test host, from the moment it is created.
/// It listens through the host's own <see cref="IMeterFactory"/>: OpenTelemetry and <c>/metrics</c> gather the meters of
/// that name from every host in the test process, and test classes run in parallel, each with hosts of its own.
/// </summary>
internal sealed class HostCounter(IServiceProvider services, string instrument) : IDisposable
{
    private readonly MetricCollector<long> _collector = new(services.GetRequiredService<IMeterFactory>(), BybitMetrics.MeterName, instrument);

    /// <summary>The sum of everything recorded.</summary>
    public long Total => _collector.GetMeasurementSnapshot().Sum(measurement => measurement.Value);

    /// <summary>The sums per value of <paramref name="tag"/>.</summary>
    public Dictionary<string, long> By(string tag) =>
        _collector.GetMeasurementSnapshot()
            .GroupBy(measurement => measurement.Tags.TryGetValue(tag, out var value) ? $"{value}" : "")
            .ToDictionary(group => group.Key, group => group.Sum(measurement => measurement.Value));

    public void Dispose() => _collector.Dispose();
}
