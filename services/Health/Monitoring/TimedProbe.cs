using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace Platform.Health.Monitoring;

/// <summary>
/// Runs one probe under <see cref="HealthOptions.ProbeTimeout"/> and turns its outcome into a component report whose detail
/// is a short reason: never an exception message, which can carry hosts, ports or paths.
/// </summary>
internal sealed class TimedProbe(IOptions<HealthOptions> options, TimeProvider clock, ILogger<TimedProbe> logger)
{
    public TimeSpan Timeout => options.Value.ProbeTimeout;

    public async Task<ComponentReport> RunAsync(
        string name, string failedStatus, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellation.CancelAfter(Timeout);
        string status = ComponentStatus.Healthy, detail = "ok";
        try
        {
            // WaitAsync bounds probes that ignore the token, such as a Redis PING.
            await probe(cancellation.Token).WaitAsync(Timeout, clock, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            HealthLog.ProbeFailed(logger, exception, name);
            status = failedStatus;
            detail = Describe(exception);
        }
        var elapsed = clock.GetElapsedTime(started);
        return new ComponentReport(name, status, Math.Round(elapsed.TotalMilliseconds, 2), detail, clock.GetUtcNow());
    }

    public string Describe(Exception exception) => exception switch
    {
        TimeoutException or OperationCanceledException or RedisTimeoutException =>
            $"no answer within {Timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms",
        ProbeFailedException failed => failed.Message,
        PostgresException postgres => $"database error {postgres.SqlState}",
        NpgsqlException or HttpRequestException or RedisConnectionException => "unreachable",
        JsonException or KeyNotFoundException or InvalidOperationException or FormatException => "unexpected answer",
        _ => $"failed ({exception.GetType().Name})",
    };
}
