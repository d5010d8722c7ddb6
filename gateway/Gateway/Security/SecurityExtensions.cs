using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Security;

internal static class SecurityExtensions
{
    /// <summary>
    /// The identity secret the gateway signs with, API key authentication and one authorization policy per route class;
    /// admin keys pass every policy.
    /// </summary>
    public static IHostApplicationBuilder AddGatewaySecurity(this IHostApplicationBuilder builder)
    {
        builder.AddIdentitySettings();
        builder.Services.TryAddSingleton(TimeProvider.System);
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
