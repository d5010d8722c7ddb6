using Platform.AppHost.Dashboard;

namespace Platform.AppHost.Tests.Dashboard;

public sealed class PrometheusTextReadsEveryKindOfLine
{
    private const string Exposition = """
        # HELP up Whether the target answered.
        # TYPE up gauge
        up 1
        jobs_queue_waiting{otel_scope_name="Platform.Jobs",stream="backtests:jobs"} 3 1732406400000
        http_server_request_duration_seconds_bucket{le="+Inf"} +Inf
        lowest -Inf
        broken_value{a="b"} not-a-number
        {orphan="labels"} 1
        nospace

        """;

    [Fact]
    public void SamplesWithAndWithoutLabelsTimestampsAndInfinitiesAreRead()
    {
        var samples = PrometheusText.Parse(Exposition);

        Assert.Equal(
            [
                new MetricSample("up", "", 1),
                new MetricSample("jobs_queue_waiting", "otel_scope_name=\"Platform.Jobs\",stream=\"backtests:jobs\"", 3),
                new MetricSample("http_server_request_duration_seconds_bucket", "le=\"+Inf\"", double.PositiveInfinity),
                new MetricSample("lowest", "", double.NegativeInfinity),
            ],
            samples);
    }

    [Theory]
    [InlineData("le=\"0.5\"", "le", "0.5")]
    [InlineData("otel_scope_name=\"x\",stream=\"backtests:jobs\"", "stream", "backtests:jobs")]
    [InlineData("otel_scope_name=\"x\",stream=\"backtests:jobs\"", "le", null)]
    [InlineData("xle=\"1\"", "le", null)]
    [InlineData("le=\"unterminated", "le", null)]
    [InlineData("", "le", null)]
    public void ALabelIsFoundOnlyByItsWholeName(string labels, string name, string? expected) =>
        Assert.Equal(expected, PrometheusText.Label(labels, name));
}
