using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Platform.MarketData.Bybit;

internal static class BybitServiceExtensions
{
    /// <summary>
    /// Registers the typed Bybit client (base URL <c>Bybit:BaseUrl</c>, category <c>Bybit:Category</c>) with its own
    /// resilience pipeline configured from <c>Bybit:Resilience</c>, in place of the standard handler that the service
    /// defaults add to every client, and the exception handler that turns its failures into ProblemDetails.
    /// </summary>
    public static IHostApplicationBuilder AddBybitClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BybitOptions>().BindConfiguration(BybitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<BybitResilienceOptions>()
            .BindConfiguration(BybitResilienceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BybitMetrics>();
        builder.Services.AddSingleton<BybitCircuit>();
        builder.Services.AddKeyedSingleton(
            BybitResilience.RateLimiterKey,
            (services, _) => BybitResilience.CreateRateLimiter(services.GetRequiredService<IOptions<BybitResilienceOptions>>().Value));
        builder.Services.AddTransient<BybitResponseHandler>();
        builder.Services.AddExceptionHandler<BybitExceptionHandler>();

        var client = builder.Services.AddHttpClient<BybitClient>((services, http) =>
        {
            http.BaseAddress = services.GetRequiredService<IOptions<BybitOptions>>().Value.BaseUrl;
            // The pipeline's total timeout bounds every call; HttpClient's own 100 s would cut it short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        // ServiceDefaults gives every client the standard resilience handler; two stacked pipelines would multiply retries.
        // RemoveAllResilienceHandlers is the documented way to drop it and is still marked experimental in 10.0.
#pragma warning disable EXTEXP0001
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler(BybitResilience.PipelineName, BybitResilience.Configure);
        client.AddHttpMessageHandler<BybitResponseHandler>();
        return builder;
    }
}
