using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// One token bucket per authenticated API key (never per IP or client-chosen header), sized by the key's most generous
/// role, and one per client address for every call without a key (probes, documents, the API reference, refused calls),
/// sized by <c>Gateway:RateLimits:anonymous</c>; over the limit, 429 ProblemDetails with <c>Retry-After</c>.
/// </summary>
internal static class KeyRateLimiting
{
    public const string PolicyName = "per-key";

    /// <summary>The <c>Gateway:RateLimits</c> entry of callers without a key.</summary>
    public const string AnonymousLimit = "anonymous";

    public static IHostApplicationBuilder AddKeyRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolicyName, context =>
            {
                var user = context.User;
                if (user.Identity?.IsAuthenticated != true)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                // The factory runs once per key, when its bucket is first needed.
                return RateLimitPartition.GetTokenBucketLimiter(user.Identity?.Name ?? "", _ =>
                    Bucket(LimitFor(user, context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue)));
            });
            // Keyed calls are limited by the route's per-key policy; the global limiter takes the rest by client address
            // (the connection's, or the forwarded one from a trusted proxy).
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => Bucket(
                        context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue.RateLimits
                            .GetValueOrDefault(AnonymousLimit, new RoleRateLimit { TokenLimit = 20, TokensPerPeriod = 10 }))));
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
