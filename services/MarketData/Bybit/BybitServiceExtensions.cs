namespace Platform.MarketData.Bybit;

internal static class BybitServiceExtensions
{
    /// <summary>Registers the typed Bybit client with its own resilience pipeline, base URL from <c>Bybit:BaseUrl</c>.</summary>
    public static IHostApplicationBuilder AddBybitClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<BybitClient>();
        return builder;
    }
}
