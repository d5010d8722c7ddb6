using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Platform.Gateway.Correlation;
using Platform.Gateway.Identity;
using Platform.Gateway.RateLimiting;
using Platform.Gateway.Routing;
using Platform.Gateway.Security;

namespace Platform.Gateway;

internal static class GatewayPipeline
{
    /// <summary>Security, rate limits and CORS (only for <c>Gateway:Cors:Origins</c>) of the gateway.</summary>
    public static IHostApplicationBuilder AddGatewayPipeline(this IHostApplicationBuilder builder)
    {
        builder.AddGatewaySecurity();
        builder.AddKeyRateLimiting();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>()
            .Configure<IOptions<GatewayOptions>>((cors, gateway) =>
                cors.AddDefaultPolicy(policy => policy.WithOrigins(gateway.Value.Cors.Origins).AllowAnyHeader().AllowAnyMethod()
                    .WithExposedHeaders(RequestIdMiddleware.HeaderName, "Retry-After")));
        return builder;
    }

    /// <summary>
    /// The middleware in order: correlation id first so that every log line has it, CORS before authentication so
    /// that preflights need no key, then authentication, the rate limits (before authorization, so that
    /// refused keys are limited per address too), authorization, the route's body size limit and the body's hash for the
    /// identity the proxy signs.
    /// </summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseMiddleware<BodyHashMiddleware>();
        return app;
    }
}
