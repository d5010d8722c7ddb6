using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Platform.ServiceDefaults.Redis;

public static class RedisExtensions
{
    /// <summary>Configuration key of an optional prefix for every key and channel, used to isolate tests.</summary>
    public const string KeyPrefixKey = "Redis:KeyPrefix";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Registers one shared <see cref="IConnectionMultiplexer"/> from <c>ConnectionStrings:&lt;name&gt;</c> (as Aspire's
    /// Redis client integration reads it), an <see cref="IDatabase"/> honouring <c>Redis:KeyPrefix</c>, and a readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string name)
    {
        var options = ConfigurationOptions.Parse(builder.Configuration.GetRequiredConnectionString(name));
        options.AbortOnConnectFail = false;
        options.ClientName ??= builder.Environment.ApplicationName;
        var prefix = builder.Configuration[KeyPrefixKey];
        if (!string.IsNullOrEmpty(prefix))
        {
            options.ChannelPrefix = RedisChannel.Literal(prefix);
        }

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddSingleton(services =>
        {
            var database = services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
            return string.IsNullOrEmpty(prefix) ? database : database.WithKeyPrefix(prefix);
        });
        builder.Services.AddHealthChecks().AddRedis(
            services => services.GetRequiredService<IConnectionMultiplexer>(), name, tags: [Extensions.ReadyTag], timeout: CheckTimeout);
        return builder;
    }
}
