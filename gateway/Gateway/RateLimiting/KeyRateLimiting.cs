using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// One token bucket per authenticated API key (never per IP or client-chosen header), sized by the key's most generous
/// role; over the limit, 429 ProblemDetails with <c>Retry-After</c>.
/// </summary>
internal static class KeyRateLimiting
{
    public const string PolicyName = "per-key";

    public static IHostApplicationBuilder AddKeyRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolicyName, context =>
            {
                var user = context.User;
                // The factory runs once per key, when its bucket is first needed.
                return RateLimitPartition.GetTokenBucketLimiter(user.Identity?.Name ?? "", _ =>
                {
                    var limit = LimitFor(user, context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue);
                    return new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limit.TokenLimit,
                        TokensPerPeriod = limit.TokensPerPeriod,
                        ReplenishmentPeriod = limit.Period,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    };
                });
            });
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

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
                Title = "Too many requests for this API key.",
                Detail = string.Create(CultureInfo.InvariantCulture, $"Retry after {seconds} s."),
            },
        });
    }
}
