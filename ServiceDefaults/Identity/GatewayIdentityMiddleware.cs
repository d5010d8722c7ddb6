using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Rejects <c>/api/**</c> requests that do not carry a valid, fresh identity signed by the gateway (401 ProblemDetails),
/// and makes the forwarded user and roles the request's <see cref="HttpContext.User"/>. Probes, <c>/metrics</c>,
/// <c>/openapi</c> and <c>/internal/**</c> are not under <c>/api</c> and stay open, and so do <c>/api</c> endpoints marked
/// <c>AllowAnonymous</c>, which the gateway forwards without an identity.
/// </summary>
internal sealed class GatewayIdentityMiddleware(RequestDelegate next, IConfiguration configuration, IProblemDetailsService problemDetails)
{
    private const string AuthenticationType = "Gateway";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }
        var secret = configuration[GatewayIdentity.SecretKey];
        var headers = context.Request.Headers;
        var user = headers[GatewayIdentity.UserHeader].ToString();
        var roles = headers[GatewayIdentity.RolesHeader].ToString();
        if (string.IsNullOrEmpty(secret) || user.Length == 0
            || !GatewayIdentity.IsValid(secret, user, roles, headers[GatewayIdentity.TimestampHeader].ToString(), headers[GatewayIdentity.SignatureHeader].ToString(), DateTimeOffset.UtcNow))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Calls must come through the gateway.", Detail = "The gateway identity is missing, invalid or expired." },
            });
            return;
        }
        Claim[] claims = [new(ClaimTypes.Name, user), .. roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(role => new Claim(ClaimTypes.Role, role))];
        context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
        await next(context);
    }
}
