using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Platform.MarketData.Bybit;

/// <summary>
/// The state behind the Bybit circuit breaker that Polly does not expose: until when it stays open, for the
/// <c>Retry-After</c> of a 503. An HTTP 403 is Bybit's IP ban of at least ten minutes (docs/bybit.md, 3.2), so it isolates
/// the breaker at once for <see cref="BybitResilienceOptions.BanDuration"/> instead of waiting for a failure ratio.
/// </summary>
internal sealed class BybitCircuit(TimeProvider time, IOptions<BybitResilienceOptions> options)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private DateTimeOffset? _bannedUntil;

    public CircuitBreakerManualControl Control { get; } = new();

    /// <summary>Time left until the circuit lets requests through again; zero when it is closed.</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            lock (_gate)
            {
                var until = _bannedUntil is { } banned && banned > _openUntil ? banned : _openUntil;
                var left = until - time.GetUtcNow();
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }
    }

    public void Opened(TimeSpan breakDuration)
    {
        lock (_gate)
        {
            _openUntil = time.GetUtcNow() + breakDuration;
        }
    }

    public void Closed()
    {
        lock (_gate)
        {
            _openUntil = DateTimeOffset.MinValue;
        }
    }

    public Task BanAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _bannedUntil = time.GetUtcNow() + options.Value.BanDuration;
        }
        return Control.IsolateAsync(cancellationToken);
    }

    /// <summary>Closes the isolated breaker once the ban has run out; called before every request.</summary>
    public Task LiftExpiredBanAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_bannedUntil is not { } until || until > time.GetUtcNow())
            {
                return Task.CompletedTask;
            }
            _bannedUntil = null;
        }
        return Control.CloseAsync(cancellationToken);
    }
}
