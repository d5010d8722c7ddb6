using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Platform.Gateway.Security;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// One token bucket per authenticated API key (never per IP or client-chosen header), told apart by the key's hash
/// rather than its name, which two keys may share, and sized by the key's most generous role; and one per client address
/// for every call without a valid key (probes, documents, the API reference, refused keys), sized by
/// <c>Gateway:RateLimits:anonymous</c>; over the limit, 429 ProblemDetails with <c>Retry-After</c>.
/// </summary>
internal static class KeyRateLimiting
{
    public const string PolicyName = "per-caller";

    /// <summary>The <c>Gateway:RateLimits</c> entry of callers without a key.</summary>
    public const string AnonymousLimit = "anonymous";

    private static readonly RoleRateLimit AnonymousDefault = new() { TokenLimit = 20, TokensPerPeriod = 10 };

    public static IHostApplicationBuilder AddKeyRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(options =>
        {
            // One limiter per call, on every proxied route and the API reference: the caller's key bucket, or its address's
            // (the connection's, or the forwarded one from a trusted proxy) when it has no valid key. Prefixes keep a key
            // named like an address out of that address's bucket.
            options.AddPolicy(PolicyName, context =>
            {
                var user = context.User;
                var gateway = context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>();
                // Each factory runs once per key or address, when its bucket is first needed.
                return user.FindFirst(ApiKeyAuthenticationHandler.KeyClaim) is { Value: var key }
                    ? RateLimitPartition.GetTokenBucketLimiter($"key:{key}", _ => Bucket(LimitFor(user, gateway.CurrentValue)))
                    : RateLimitPartition.GetTokenBucketLimiter($"address:{context.Connection.RemoteIpAddress}", _ =>
                        Bucket(gateway.CurrentValue.RateLimits.GetValueOrDefault(AnonymousLimit, AnonymousDefault)));
            });
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static TokenBucketRateLimiterOptions Bucket(RoleRateLimit limit) => new()
    {
        TokenLimit = limit.TokenLimit,
        TokensPerPeriod = limit.TokensPerPeriod,
        ReplenishmentPeriod = limit.Period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static RoleRateLimit LimitFor(System.Security.Claims.ClaimsPrincipal user, GatewayOptions options) =>
        options.RateLimits
            .Where(limit => user.IsInRole(limit.Key))
            .Select(limit => limit.Value)
            .MaxBy(limit => (double)limit.TokensPerPeriod / limit.Period.TotalSeconds)
        ?? new RoleRateLimit();

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = context.User.Identity?.IsAuthenticated == true ? "Too many requests for this API key." : "Too many requests from this address.",
                Detail = string.Create(CultureInfo.InvariantCulture, $"Retry after {seconds} s."),
            },
        });
    }
}
