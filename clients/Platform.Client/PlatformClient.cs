using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Platform.Client.Backtests;
using Platform.Client.Health;
using Platform.Client.MarketData;
using Platform.Client.Optimizations;

namespace Platform.Client;

/// <summary>
/// The platform's API through its gateway: one generated client per service, all sending the caller's API key in the
/// <c>X-API-Key</c> header over the given <see cref="HttpClient"/>, whose <see cref="HttpClient.BaseAddress"/> is the
/// gateway. The caller keeps the <see cref="HttpClient"/> and disposes of it.
/// </summary>
/// <remarks>
/// The key goes only to the gateway's host, over http too: a platform running on a developer's machine serves plain http
/// (Kiota's own API-key provider refuses anything but https).
/// </remarks>
public sealed class PlatformClient
{
    public const string ApiKeyHeader = "X-API-Key";

    public PlatformClient(HttpClient gateway, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(gateway.BaseAddress, nameof(gateway.BaseAddress));
        var adapter = new HttpClientRequestAdapter(new ApiKeyAuthentication(apiKey, gateway.BaseAddress.Host), httpClient: gateway)
        {
            BaseUrl = gateway.BaseAddress.ToString().TrimEnd('/'),
        };
        Backtests = new BacktestsClient(adapter);
        MarketData = new MarketDataClient(adapter);
        Optimizations = new OptimizationsClient(adapter);
        Health = new HealthClient(adapter);
    }

    public BacktestsClient Backtests { get; }

    public MarketDataClient MarketData { get; }

    public OptimizationsClient Optimizations { get; }

    public HealthClient Health { get; }

    private sealed class ApiKeyAuthentication(string apiKey, string gatewayHost) : IAuthenticationProvider
    {
        private readonly AllowedHostsValidator _gateway = new([gatewayHost]);

        public Task AuthenticateRequestAsync(
            RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            if (_gateway.IsUrlHostValid(request.URI))
            {
                request.Headers.TryAdd(ApiKeyHeader, apiKey);
            }
            return Task.CompletedTask;
        }
    }
}
