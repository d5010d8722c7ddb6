using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;

using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

namespace Platform.Candles;

public static class CandleFeedExtensions
{
    /// <summary>Longer than a cold read that first backfills a long range from Bybit page by page.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Configuration section of <see cref="HttpStandardResilienceOptions"/> overrides for the candle feed.</summary>
    public const string ResilienceSection = "CandleFeed:Resilience";

    /// <summary>
    /// Registers <see cref="CandleFeed"/> against <c>http://marketdata</c> (service discovery), with the standard resilience
    /// pipeline stretched for reads that may first backfill from Bybit; <c>CandleFeed:Resilience</c> overrides it.
    /// </summary>
    public static IHostApplicationBuilder AddCandleFeed(this IHostApplicationBuilder builder)
    {
        var client = builder.Services.AddHttpClient<CandleFeed>(http =>
        {
            http.BaseAddress = new Uri($"http://{ResourceNames.MarketData}");
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; it replaces the default pipeline of every client.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler(options =>
        {
            // A 503 says Bybit is down: retrying would hold the caller (a worker slot) for nothing, and counting it towards
            // the breaker would refuse reads of candles that are stored.
            options.Retry.ShouldHandle = arguments => ValueTask.FromResult(IsFailure(arguments.Outcome));
            options.CircuitBreaker.ShouldHandle = arguments => ValueTask.FromResult(IsFailure(arguments.Outcome));
            options.AttemptTimeout.Timeout = AttemptTimeout;
            options.TotalRequestTimeout.Timeout = 3 * AttemptTimeout;
            options.CircuitBreaker.SamplingDuration = 2 * AttemptTimeout;
        });
        client.AddServiceIdentity();
        builder.Services.Configure<HttpStandardResilienceOptions>($"{client.Name}-standard", builder.Configuration.GetSection(ResilienceSection));
        return builder;
    }

    private static bool IsFailure(Polly.Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode != HttpStatusCode.ServiceUnavailable && HttpClientResiliencePredicates.IsTransient(outcome);
}
