using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Redis;

namespace Platform.Health;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase(ResourceNames.Postgres);
        builder.AddRedisClient(ResourceNames.Redis);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
