using Platform.Gateway.RateLimiting;
using Platform.Gateway.Security;

namespace Platform.Gateway;

/// <summary>The <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The API keys, hashed (<see cref="ApiKeyHasher"/>); read only from configuration.</summary>
    public List<ApiKey> ApiKeys { get; init; } = [];

    /// <summary>Token bucket per key, by role (<c>Gateway:RateLimits:&lt;role&gt;</c>); a key gets its most generous role's bucket.</summary>
    public Dictionary<string, RoleRateLimit> RateLimits { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public GatewayLimits Limits { get; init; } = new();

    public GatewayCors Cors { get; init; } = new();

    public GatewayHealthChecks HealthChecks { get; init; } = new();
}

/// <summary>Body sizes per route (the market data upload gets a larger one) and how long an upstream, or an event stream, may stay silent.</summary>
public sealed class GatewayLimits
{
    public long MaxRequestBodySize { get; init; } = 1 << 20;

    /// <summary>
    /// The upload route's cap: the market data service's <c>Uploads:MaxBytes</c> (100 MiB) and the 64 KiB it allows for the
    /// multipart framing (services/MarketData/Uploads/UploadReceiver.cs). It must not pass what the service reads: a service
    /// that stops reading mid-body closes its connection, and the proxy, still sending, would answer 502 rather than 413.
    /// </summary>
    public long MaxUploadBodySize { get; init; } = (100L << 20) + (64L << 10);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a job's event stream may stay silent before the gateway cuts it, in place of <see cref="RequestTimeout"/>:
    /// the services send a keep-alive comment every 15 s (<c>Events:KeepAliveInterval</c>), so only a stuck stream is
    /// silent this long.
    /// </summary>
    public TimeSpan EventStreamIdleTimeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>Origins allowed to call the gateway from a browser; none (CORS off) unless configured.</summary>
public sealed class GatewayCors
{
    public string[] Origins { get; init; } = [];
}

/// <summary>Active health probes of every destination on <c>/health/ready</c>.</summary>
public sealed class GatewayHealthChecks
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
}
