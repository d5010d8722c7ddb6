namespace Platform.MarketData.WorkingSets;

internal static class WorkingSetServiceExtensions
{
    public static IHostApplicationBuilder AddWorkingSets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorkingSetStore>();
        return builder;
    }
}
