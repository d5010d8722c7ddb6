using Platform.AppHost.Dashboard;

namespace Platform.AppHost.Tests.Dashboard;

public sealed class MetricsScrapeDerivesRatesAndP95
{
    private const string Before = """
        # TYPE http_server_request_duration_seconds histogram
        http_server_request_duration_seconds_bucket{http_response_status_code="200",le="0.1"} 0
        http_server_request_duration_seconds_bucket{http_response_status_code="200",le="0.5"} 0
        http_server_request_duration_seconds_bucket{http_response_status_code="200",le="1"} 0
        http_server_request_duration_seconds_bucket{http_response_status_code="200",le="+Inf"} 0
        http_server_request_duration_seconds_count{http_response_status_code="200"} 0
        backtests_running 1
        """;

    // 100 requests in 10 s, 10 of them 500s; 50 within 0.1 s, 90 within 0.5 s, all within 1 s.
    private const string After = """
        http_server_request_duration_seconds_bucket{http_response_status_code="200",le="0.1"} 50
        http_server_request_duration_seconds_bucket{http_response_status_code="200",le="0.5"} 85
        http_server_request_duration_seconds_bucket{http_response_status_code="200",le="1"} 90
        http_server_request_duration_seconds_bucket{http_response_status_code="200",le="+Inf"} 90
        http_server_request_duration_seconds_count{http_response_status_code="200"} 90
        http_server_request_duration_seconds_bucket{http_response_status_code="500",le="0.1"} 0
        http_server_request_duration_seconds_bucket{http_response_status_code="500",le="0.5"} 5
        http_server_request_duration_seconds_bucket{http_response_status_code="500",le="1"} 10
        http_server_request_duration_seconds_bucket{http_response_status_code="500",le="+Inf"} 10
        http_server_request_duration_seconds_count{http_response_status_code="500"} 10
        backtests_running 3
        backtests_queued_total{status="queued"} 4
        backtests_queued_total{status="other"} 2
        process_cpu_time_seconds_total 7
        """;

    [Fact]
    public void RatesP95AndDomainFiguresComeFromTheHistogramAndTheServiceMeters()
    {
        var start = DateTimeOffset.UnixEpoch;
        var before = MetricsScrape.From(start, PrometheusText.Parse(Before));
        var after = MetricsScrape.From(start.AddSeconds(10), PrometheusText.Parse(After));

        var point = after.Since(before);

        Assert.Equal(10, point.RequestRate);
        Assert.Equal(1, point.ErrorRate);
        // Rank 95 falls in (0.5, 1] holding ranks 90..100: 0.5 + 0.5 * 5 / 10.
        Assert.Equal(0.75, point.P95Seconds!.Value, 6);
        Assert.Equal(new Dictionary<string, double> { ["backtests_queued_total"] = 6, ["backtests_running"] = 3 }, point.Domain);
    }
}
