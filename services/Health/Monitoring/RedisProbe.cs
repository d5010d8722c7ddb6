using StackExchange.Redis;

namespace Platform.Health.Monitoring;

/// <summary>PING on the shared multiplexer; StackExchange.Redis takes no token, so the caller's timeout bounds it.</summary>
internal sealed class RedisProbe(IConnectionMultiplexer redis)
{
    public Task ProbeAsync() => redis.GetDatabase().PingAsync();
}
