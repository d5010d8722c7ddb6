using Microsoft.AspNetCore.Authentication;

namespace Platform.Gateway.Security;

internal static class SecurityExtensions
{
    /// <summary>API key authentication and one authorization policy per route class; admin keys pass every policy.</summary>
    public static IHostApplicationBuilder AddGatewaySecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var (policy, role) in RoutePolicies.RoleOf)
        {
            authorization.AddPolicy(policy, rule => rule.RequireAuthenticatedUser().RequireRole(role, Roles.Admin));
        }
        return builder;
    }
}
