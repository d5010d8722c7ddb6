using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Platform.MarketData.Bybit;

/// <summary>
/// The one resilience pipeline of the Bybit client, outermost first: total timeout, retry (exponential back-off with
/// jitter, or until Bybit's rate-limit reset), circuit breaker, client-side rate limiter (queueing), attempt timeout.
/// The limiter sits inside the retry so retries are paced too, and outside the attempt timeout so queueing is not a timeout.
/// </summary>
internal static class BybitResilience
{
    public const string PipelineName = "bybit";
    public const string RateLimiterKey = "bybit";

    /// <summary>
    /// Marks a call whose caller must not wait out an outage (docs/bybit.md, 4.3): a failure that counts as an outage is not
    /// retried, and its attempt times out after <see cref="BybitResilienceOptions.FailFastTimeout"/>. Rate limits are still
    /// waited for: they are pacing, not an outage.
    /// </summary>
    public static readonly ResiliencePropertyKey<bool> FailFast = new("bybit-fail-fast");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<BybitResilienceOptions>>().Value;
        var circuit = services.GetRequiredService<BybitCircuit>();
        var metrics = services.GetRequiredService<BybitMetrics>();
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILogger<BybitClient>>();

        pipeline
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = arguments => ValueTask.FromResult(
                    IsRetryable(arguments.Outcome.Exception)
                    && !(arguments.Context.Properties.GetValue(FailFast, false) && IsOutage(arguments.Outcome.Exception))),
                DelayGenerator = arguments => ValueTask.FromResult(UntilReset(arguments.Outcome.Exception, time.GetUtcNow(), options.MaxDelay)),
                OnRetry = arguments =>
                {
                    var reason = Reason(arguments.Outcome.Exception);
                    metrics.RecordRetry(reason);
                    logger.Retrying(arguments.AttemptNumber + 1, arguments.RetryDelay, reason);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ManualControl = circuit.Control,
                ShouldHandle = arguments => ValueTask.FromResult(IsOutage(arguments.Outcome.Exception)),
                OnOpened = arguments =>
                {
                    if (!arguments.IsManual)
                    {
                        circuit.Opened(arguments.BreakDuration);
                        logger.CircuitOpened(arguments.BreakDuration);
                    }
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    circuit.Closed();
                    logger.CircuitClosed();
                    return ValueTask.CompletedTask;
                },
            })
            .AddRateLimiter(services.GetRequiredKeyedService<RateLimiter>(RateLimiterKey))
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = arguments => ValueTask.FromResult(
                    arguments.Context.Properties.GetValue(FailFast, false) && options.FailFastTimeout < options.AttemptTimeout
                        ? options.FailFastTimeout
                        : options.AttemptTimeout),
            });
    }

    /// <summary>
    /// One token at a time, refilled every 1/<c>RequestsPerSecond</c> s: requests are spread evenly, so no one-second
    /// window ever holds more than the configured rate, and callers above it wait in the queue instead of failing.
    /// </summary>
    public static RateLimiter CreateRateLimiter(BybitResilienceOptions options) =>
        new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / options.RequestsPerSecond),
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

    /// <summary>HTTP 429, 5xx, timeouts, network errors and retCodes 10006/10018/10000/10016; never 10001/10017/10029 or 403.</summary>
    private static bool IsRetryable(Exception? exception) => exception switch
    {
        BybitException bybit => bybit.IsRetryable,
        TimeoutRejectedException or HttpRequestException => true,
        _ => false,
    };

    /// <summary>What counts towards opening the circuit: Bybit failing, not Bybit pacing us or refusing a request.</summary>
    private static bool IsOutage(Exception? exception) => exception switch
    {
        BybitException bybit => bybit.Kind == BybitErrorKind.Upstream,
        TimeoutRejectedException or HttpRequestException => true,
        _ => false,
    };

    /// <summary>Waits until Bybit's announced reset when it is in the future (capped); otherwise the exponential back-off applies.</summary>
    private static TimeSpan? UntilReset(Exception? exception, DateTimeOffset now, TimeSpan cap) =>
        exception is BybitException { ResetAt: { } resetAt } && resetAt > now
            ? TimeSpan.FromTicks(Math.Min((resetAt - now).Ticks, cap.Ticks))
            : null;

    private static string Reason(Exception? exception) => exception switch
    {
        BybitException { RetCode: { } retCode } => $"retcode_{retCode}",
        BybitException { HttpStatus: { } status } => $"http_{status}",
        BybitException bybit => bybit.Kind.ToString(),
        TimeoutRejectedException => "timeout",
        _ => "network",
    };
}
