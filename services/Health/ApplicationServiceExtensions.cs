using Microsoft.Extensions.Options;
using Platform.Health.Bybit;
using Platform.Health.Monitoring;
using Platform.Health.Pools;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Redis;

namespace Platform.Health;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDatabase(ResourceNames.Postgres);
        builder.AddPlatformRedis(ResourceNames.Redis);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName);
        builder.Services.AddOptions<BybitOptions>().BindConfiguration(BybitOptions.SectionName);

        // Probes answer for one moment: retrying inside a probe would hide a failing dependency and outlast the timeout.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; it drops the default pipeline of ServiceDefaults.
        builder.Services.AddHttpClient<IServiceReadinessProber, HttpServiceReadinessProber>().RemoveAllResilienceHandlers().AddServiceIdentity();
        builder.Services.AddHttpClient<IPoolGatherer, HttpPoolGatherer>().RemoveAllResilienceHandlers().AddServiceIdentity();
        builder.Services.AddHttpClient<IBybitProbe, BybitHealthClient>((services, http) =>
                http.BaseAddress = services.GetRequiredService<IOptions<BybitOptions>>().Value.BaseUrl)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddSingleton<IDatabaseProbe, PostgresProbe>();
        builder.Services.AddSingleton<RedisProbe>();
        builder.Services.AddSingleton<BybitTimeCache>();
        builder.Services.AddSingleton<ComponentMetrics>();
        builder.Services.AddSingleton<TimedProbe>();
        builder.Services.AddTransient<PlatformProber>();
        return builder;
    }
}
