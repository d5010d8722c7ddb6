using Platform.AppHost.Dashboard;

namespace Platform.AppHost.Tests.Dashboard;

public sealed class MetricsScrapeHasNoFiguresWithoutTimeOrRequests
{
    private const string Idle = """
        http_server_request_duration_seconds_bucket{le="0.1"} 4
        http_server_request_duration_seconds_bucket{le="nonsense"} 4
        http_server_request_duration_seconds_bucket{le="+Inf"} 4
        http_server_request_duration_seconds_count 4
        """;

    private const string SlowOnly = """
        http_server_request_duration_seconds_bucket{le="0.1"} 4
        http_server_request_duration_seconds_bucket{le="+Inf"} 10
        http_server_request_duration_seconds_count 10
        """;

    [Fact]
    public void TheSameInstantGivesNoRates()
    {
        var scrape = MetricsScrape.From(DateTimeOffset.UnixEpoch, PrometheusText.Parse(Idle));

        var point = scrape.Since(scrape);

        Assert.Null(point.RequestRate);
        Assert.Null(point.ErrorRate);
        Assert.Null(point.P95Seconds);
    }

    [Fact]
    public void NoNewRequestsGiveAZeroRateAndNoP95()
    {
        var before = MetricsScrape.From(DateTimeOffset.UnixEpoch, PrometheusText.Parse(Idle));
        var after = MetricsScrape.From(DateTimeOffset.UnixEpoch.AddSeconds(5), PrometheusText.Parse(Idle));

        var point = after.Since(before);

        Assert.Equal(0, point.RequestRate);
        Assert.Null(point.P95Seconds);
    }

    [Fact]
    public void RequestsBeyondTheLastFiniteBucketReportThatBucketsBound()
    {
        var before = MetricsScrape.From(DateTimeOffset.UnixEpoch, PrometheusText.Parse(Idle));
        var after = MetricsScrape.From(DateTimeOffset.UnixEpoch.AddSeconds(2), PrometheusText.Parse(SlowOnly));

        var point = after.Since(before);

        Assert.Equal(3, point.RequestRate);
        Assert.Equal(0.1, point.P95Seconds);
    }
}
