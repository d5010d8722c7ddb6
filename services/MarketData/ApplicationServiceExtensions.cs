using Platform.MarketData.Bybit;
using Platform.MarketData.Candles;
using Platform.MarketData.Prime;
using Platform.MarketData.Uploads;
using Platform.MarketData.WorkingSets;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Redis;

namespace Platform.MarketData;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase(ResourceNames.MarketDataDb, typeof(Program).Assembly);
        builder.AddPlatformRedis(ResourceNames.Redis);
        builder.AddJobEvents();
        builder.AddBybitClient();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CandleMetrics>();
        builder.Services.AddSingleton<CandleStore>();
        builder.Services.AddOptions<CandleRangeCacheOptions>().BindConfiguration(CandleRangeCacheOptions.Section);
        builder.Services.AddOptions<CandleReadOptions>().BindConfiguration(CandleReadOptions.Section);
        builder.Services.AddOptions<CandleBlockOptions>().BindConfiguration(CandleBlockOptions.Section);
        builder.Services.AddSingleton<CandleRangeCache>();
        builder.Services.AddScoped<CandleBackfill>();
        builder.AddWorkingSets();
        builder.AddUploads();
        builder.AddPrimeJobs();
        return builder;
    }
}
