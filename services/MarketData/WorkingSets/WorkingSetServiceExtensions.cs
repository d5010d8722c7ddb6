namespace Platform.MarketData.WorkingSets;

internal static class WorkingSetServiceExtensions
{
    /// <summary>Registers the Redis working-set store and the loader that fills it from Bybit or the candle store.</summary>
    public static IHostApplicationBuilder AddWorkingSets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorkingSetStore>();
        builder.Services.AddScoped<WorkingSetLoader>();
        return builder;
    }
}
