using System.Globalization;

namespace Platform.AppHost.Dashboard;

/// <summary>
/// One scrape of a service's <c>/metrics</c> reduced to what the dashboard shows: the totals of the
/// <c>http.server.request.duration</c> histogram and the service's own (domain) metrics summed over their labels.
/// </summary>
public sealed record MetricsScrape(
    DateTimeOffset At, double Requests, double Errors, IReadOnlyDictionary<double, double> Buckets, IReadOnlyDictionary<string, double> Domain)
{
    private const string Duration = "http_server_request_duration_seconds";

    // Metrics every .NET service exports; what is left belongs to the service's own meters.
    private static readonly string[] Infrastructure =
        ["http_", "kestrel_", "aspnetcore_", "dotnet_", "process_", "system_", "db_", "target_info", "dns_", "signalr_", "scrape_"];

    public static MetricsScrape From(DateTimeOffset at, IReadOnlyList<MetricSample> samples)
    {
        double requests = 0, errors = 0;
        var buckets = new Dictionary<double, double>();
        var domain = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            if (sample.Name == Duration + "_count")
            {
                requests += sample.Value;
                if (PrometheusText.Label(sample.Labels, "http_response_status_code") is ['5', ..])
                {
                    errors += sample.Value;
                }
            }
            else if (sample.Name == Duration + "_bucket" && ParseBound(PrometheusText.Label(sample.Labels, "le")) is { } bound)
            {
                buckets[bound] = buckets.GetValueOrDefault(bound) + sample.Value;
            }
            else if (!Infrastructure.Any(prefix => sample.Name.StartsWith(prefix, StringComparison.Ordinal))
                && !sample.Name.EndsWith("_bucket", StringComparison.Ordinal)
                && !sample.Name.EndsWith("_sum", StringComparison.Ordinal))
            {
                domain[sample.Name] = domain.GetValueOrDefault(sample.Name) + sample.Value;
            }
        }
        return new MetricsScrape(at, requests, errors, buckets, domain);
    }

    /// <summary>Request rate, error rate and the p95 latency between an earlier scrape and this one.</summary>
    public FigurePoint Since(MetricsScrape earlier)
    {
        var seconds = (At - earlier.At).TotalSeconds;
        if (seconds <= 0)
        {
            return new FigurePoint(At, null, null, null, Domain);
        }
        var requests = Math.Max(0, Requests - earlier.Requests);
        var errors = Math.Max(0, Errors - earlier.Errors);
        return new FigurePoint(At, requests / seconds, errors / seconds, P95(earlier), Domain);
    }

    /// <summary>Prometheus' <c>histogram_quantile(0.95, ...)</c> over the bucket increases: linear within the bucket.</summary>
    private double? P95(MetricsScrape earlier)
    {
        var increases = Buckets.OrderBy(bucket => bucket.Key)
            .Select(bucket => (Bound: bucket.Key, Count: bucket.Value - earlier.Buckets.GetValueOrDefault(bucket.Key)))
            .ToList();
        var total = increases.Count == 0 ? 0 : increases[^1].Count;
        if (total <= 0)
        {
            return null;
        }
        var rank = 0.95 * total;
        var (lowerBound, lowerCount) = (0.0, 0.0);
        foreach (var (bound, count) in increases)
        {
            if (count >= rank)
            {
                return double.IsPositiveInfinity(bound)
                    ? lowerBound
                    : lowerBound + ((bound - lowerBound) * (rank - lowerCount) / Math.Max(count - lowerCount, double.Epsilon));
            }
            (lowerBound, lowerCount) = (bound, count);
        }
        return null;
    }

    private static double? ParseBound(string? le) => le switch
    {
        null => null,
        "+Inf" => double.PositiveInfinity,
        _ => double.TryParse(le, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound) ? bound : null,
    };
}

/// <summary>The figures of one interval; <see cref="P95Seconds"/> is null when no request ended in it.</summary>
public sealed record FigurePoint(
    DateTimeOffset At, double? RequestRate, double? ErrorRate, double? P95Seconds, IReadOnlyDictionary<string, double> Domain);
