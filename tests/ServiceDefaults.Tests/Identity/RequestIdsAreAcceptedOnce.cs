using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.ServiceDefaults.Identity;
using Platform.Testing;
using Platform.Testing.LocalServers;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Platform.ServiceDefaults.Tests.Identity;

/// <summary>The replay guard against the run's real Redis, against a Redis that is not there, and without one.</summary>
public sealed class RequestIdsAreAcceptedOnce
{
    [Fact]
    public async Task TwoReplicasOnOneRedisAcceptARequestIdOnceBetweenThem()
    {
        var servers = await TestServers.GetAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(servers.RedisConnectionString);
        var prefix = $"test:{Guid.NewGuid():N}:";
        var first = Guard(redis.GetDatabase().WithKeyPrefix(prefix));
        var second = Guard(redis.GetDatabase().WithKeyPrefix(prefix));
        var id = SignedIdentity.NewRequestId();

        Assert.True(await first.TryAcceptAsync(id));
        Assert.False(await second.TryAcceptAsync(id));
        Assert.False(await first.TryAcceptAsync(id));
        Assert.True(await second.TryAcceptAsync(SignedIdentity.NewRequestId()));
        var expiry = await redis.GetDatabase().KeyTimeToLiveAsync($"{prefix}identity:request:{id}");
        Assert.InRange(expiry!.Value, SignedIdentity.MaxAge * 2 - TimeSpan.FromSeconds(10), SignedIdentity.MaxAge * 2);
    }

    [Fact]
    public async Task WhileRedisIsAwayAReplicaStillRefusesWhatItHasSeen()
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{FreePort.Next()}");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 100;
        await using var absent = await ConnectionMultiplexer.ConnectAsync(options);
        var guard = Guard(absent.GetDatabase());
        var id = SignedIdentity.NewRequestId();

        Assert.False(absent.IsConnected);
        Assert.True(await guard.TryAcceptAsync(id));
        Assert.False(await guard.TryAcceptAsync(id));
    }

    [Fact]
    public async Task WithoutRedisAProcessRemembersInMemory()
    {
        var guard = Guard(null);
        var id = SignedIdentity.NewRequestId();

        Assert.True(await guard.TryAcceptAsync(id));
        Assert.False(await guard.TryAcceptAsync(id));
    }

    private static ReplayGuard Guard(IDatabase? redis)
    {
        var services = new ServiceCollection();
        if (redis is not null)
        {
            services.AddSingleton(redis);
        }
        return new ReplayGuard(services.BuildServiceProvider(), TimeProvider.System, NullLogger<ReplayGuard>.Instance);
    }
}
