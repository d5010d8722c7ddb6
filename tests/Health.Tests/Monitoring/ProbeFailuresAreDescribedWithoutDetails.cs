using System.Net.Http;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Health.Monitoring;
using Platform.Testing;
using StackExchange.Redis;

namespace Platform.Health.Tests.Monitoring;

public sealed class ProbeFailuresAreDescribedWithoutDetails
{
    private readonly TimedProbe _probe = new(Options.Create(new HealthOptions { ProbeTimeout = TimeSpan.FromMilliseconds(300) }), TimeProvider.System, NullLogger<TimedProbe>.Instance);

    public static TheoryData<Exception, string> Failures => new()
    {
        { new TimeoutException("secret-host:5432"), "no answer within 300 ms" },
        { new OperationCanceledException(), "no answer within 300 ms" },
        { new ProbeFailedException("readiness answered 503"), "readiness answered 503" },
        { new PostgresException("password authentication failed for user x", "FATAL", "FATAL", "28P01"), "database error 28P01" },
        { new NpgsqlException("Failed to connect to 10.0.0.5:5432"), "unreachable" },
        { new HttpRequestException("Connection refused (backtests:8080)"), "unreachable" },
        { new RedisConnectionException(ConnectionFailureType.UnableToConnect, "redis:6379 password=secret"), "unreachable" },
        { new JsonException("'<' is an invalid start of a value"), "unexpected answer" },
        { new FormatException("bad number"), "unexpected answer" },
        { new InvalidDataException("/srv/data/file"), "failed (InvalidDataException)" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void EachFailureBecomesAShortReasonThatLeaksNothing(Exception exception, string expected)
    {
        var detail = _probe.Describe(exception);

        Assert.Equal(expected, detail);
        Assert.DoesNotContain("secret", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(":5432", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProbeThatIgnoresItsTokenIsCutAtTheTimeout()
    {
        var report = await _probe.RunAsync("slow", "unhealthy", _ => Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None), CancellationToken.None);

        Assert.Equal("unhealthy", report.Status);
        Assert.Equal("no answer within 300 ms", report.Detail);
        TimeoutBounds.AssertEndedAt(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(report.ResponseTimeMs));
    }

    [Fact]
    public async Task AProbeThatAnswersIsHealthy()
    {
        var report = await _probe.RunAsync("quick", "degraded", _ => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(ComponentStatus.Healthy, report.Status);
        Assert.Equal("ok", report.Detail);
    }
}
