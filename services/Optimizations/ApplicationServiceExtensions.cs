using Platform.Optimizations.Grid;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Redis;

namespace Platform.Optimizations;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase(ResourceNames.OptimizationsDb, typeof(Program).Assembly);
        builder.AddPlatformRedis(ResourceNames.Redis);
        builder.AddJobEvents();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddOptimizations();
        return builder;
    }
}
