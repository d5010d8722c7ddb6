using Platform.Backtests.Queue;
using Platform.Backtests.Strategies;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Redis;

namespace Platform.Backtests;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase(ResourceNames.BacktestsDb, typeof(Program).Assembly);
        builder.AddPlatformRedis(ResourceNames.Redis);
        builder.AddJobEvents();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStrategies();
        builder.AddBacktests();
        return builder;
    }
}
