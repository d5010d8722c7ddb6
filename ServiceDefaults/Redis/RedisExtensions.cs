using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Platform.ServiceDefaults.Redis;

public static class RedisExtensions
{
    /// <summary>Configuration key of an optional prefix for every key and channel, used to isolate tests.</summary>
    public const string KeyPrefixKey = "Redis:KeyPrefix";

    /// <summary>The name Aspire's StackExchange.Redis integration gives its health check.</summary>
    private const string AspireCheckName = "StackExchange.Redis";

    /// <summary>
    /// Registers the one shared <see cref="IConnectionMultiplexer"/> through Aspire's Redis client integration
    /// (<c>ConnectionStrings:&lt;name&gt;</c>, with its health check and tracing), and an <see cref="IDatabase"/>
    /// honouring <c>Redis:KeyPrefix</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformRedis(this IHostApplicationBuilder builder, string name)
    {
        builder.Configuration.GetRequiredConnectionString(name);
        var prefix = builder.Configuration[KeyPrefixKey];
        builder.AddRedisClient(name, configureOptions: options =>
        {
            // Jobs wait in PostgreSQL while Redis is away; a service starts and reconnects rather than failing.
            options.AbortOnConnectFail = false;
            options.ClientName ??= builder.Environment.ApplicationName;
            if (!string.IsNullOrEmpty(prefix))
            {
                options.ChannelPrefix = RedisChannel.Literal(prefix);
            }
        });
        builder.Services.NameHealthCheck(AspireCheckName, name);
        builder.Services.AddSingleton(services =>
        {
            var database = services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
            return string.IsNullOrEmpty(prefix) ? database : database.WithKeyPrefix(prefix);
        });
        return builder;
    }
}
