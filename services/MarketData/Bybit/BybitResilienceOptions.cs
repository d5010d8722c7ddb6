using System.ComponentModel.DataAnnotations;

namespace Platform.MarketData.Bybit;

/// <summary>
/// Configuration section <c>Bybit:Resilience</c>. The defaults follow docs/bybit.md, 4.2: about 10 requests/s per process
/// (ccxt's pace, far below the 600 per 5 s IP limit), exponential back-off from 1 s capped at 30 s, and a ten-minute stop
/// after an HTTP 403 IP ban.
/// </summary>
internal sealed class BybitResilienceOptions
{
    public const string SectionName = "Bybit:Resilience";

    /// <summary>Requests sent to Bybit per second by this process, retries included; callers above it queue.</summary>
    [Range(0.1, 100_000)]
    public double RequestsPerSecond { get; set; } = 10;

    /// <summary>Requests that may wait for the rate limiter before new ones fail fast.</summary>
    [Range(0, 1_000_000)]
    public int QueueLimit { get; set; } = 10_000;

    [Range(1, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off delay; each retry doubles it, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest back-off, also the cap on waiting for <c>X-Bapi-Limit-Reset-Timestamp</c> or <c>Retry-After</c> (docs/bybit.md, 3.3).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The attempt timeout of a fail-fast call (<see cref="BybitResilience.FailFast"/>): a caller that holds a worker or
    /// an HTTP request learns within it that Bybit cannot be reached, and such a call is never retried.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FailFastTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>What a fail-fast caller is told to wait (<c>Retry-After</c>) when Bybit failed but the circuit is still closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FailFastRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One call including queueing, retries and back-off.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Share of failed attempts (5xx, timeouts, network errors) in <see cref="SamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    [Range(2, int.MaxValue)]
    public int MinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an HTTP 403 keeps the circuit open: Bybit's IP ban lasts at least ten minutes (docs/bybit.md, 3.2).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BanDuration { get; set; } = TimeSpan.FromMinutes(10);
}
