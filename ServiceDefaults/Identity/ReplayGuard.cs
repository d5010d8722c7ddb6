using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Remembers every request id a service has accepted for as long as its signature could be valid, so a request id is
/// accepted once. The ids live in Redis (every service of the platform has it), shared by the replicas; while Redis cannot
/// answer, and in a process without Redis, a replica remembers them in its own memory, still refusing what it has seen
/// itself (docs/security.md, 1.3).
/// </summary>
public sealed partial class ReplayGuard(IServiceProvider services, TimeProvider time, ILogger<ReplayGuard> logger)
{
    /// <summary>A signature is valid up to <see cref="SignedIdentity.MaxAge"/> either side of its timestamp.</summary>
    private static readonly TimeSpan Remembered = SignedIdentity.MaxAge * 2;

    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly IDatabase? _redis = services.GetService<IDatabase>();
    private long _nextSweep;

    /// <summary>True the first time <paramref name="requestId"/> is presented; false for a replay.</summary>
    public async ValueTask<bool> TryAcceptAsync(string requestId)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        Sweep(now);
        if (_seen.ContainsKey(requestId))
        {
            return false;
        }
        if (_redis is not null)
        {
            try
            {
                if (_redis.Multiplexer.IsConnected)
                {
                    return await _redis.StringSetAsync($"identity:request:{requestId}", 1, Remembered, When.NotExists);
                }
            }
            catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
            {
                LogRedisUnavailable(logger, exception);
            }
        }
        return _seen.TryAdd(requestId, now + (long)Remembered.TotalMilliseconds);
    }

    private void Sweep(long now)
    {
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, now + 10_000, next) != next)
        {
            return;
        }
        foreach (var (id, until) in _seen)
        {
            if (until < now)
            {
                _seen.TryRemove(id, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer the replay check; request ids are checked on this replica only until it does.")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);
}
