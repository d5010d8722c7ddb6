using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Identity;

public static partial class SignedIdentityExtensions
{
    /// <summary>
    /// Makes the service require a signed identity (<see cref="SignedIdentity"/>) on every route but its probes and
    /// <c>/metrics</c>, with the role its route class asks for (<see cref="RouteAccess"/>), and lets its HTTP clients sign
    /// their calls as <paramref name="service"/> (<see cref="AddServiceIdentity"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSignedIdentity(this IHostApplicationBuilder builder, string service)
    {
        builder.AddIdentitySettings();
        builder.Services.AddSingleton(new ServiceName(service));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReplayGuard>();
        builder.Services.AddTransient<ServiceCallSigner>();
        builder.Services.AddAuthentication(SignedIdentityHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SignedIdentityHandler>(SignedIdentityHandler.SchemeName, null);
        builder.Services.AddSingleton<IAuthorizationHandler, RouteClassRequirement>();
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder(SignedIdentityHandler.SchemeName)
            .RequireAuthenticatedUser()
            .AddRequirements(new RouteClassRequirement())
            .Build());
        return builder;
    }

    /// <summary>Reads and checks the identity settings once (a process without a usable secret does not start).</summary>
    public static IdentitySettings AddIdentitySettings(this IHostApplicationBuilder builder)
    {
        var existing = builder.Services.FirstOrDefault(service => service.ServiceType == typeof(IdentitySettings))?.ImplementationInstance;
        if (existing is IdentitySettings settings)
        {
            return settings;
        }
        settings = IdentitySettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        return settings;
    }

    /// <summary>Signs the client's calls with the service's identity (for calls to other services, never to third parties).</summary>
    public static IHttpClientBuilder AddServiceIdentity(this IHttpClientBuilder client) => client.AddHttpMessageHandler<ServiceCallSigner>();

    /// <summary>Authentication and authorization, when <see cref="AddSignedIdentity"/> registered them.</summary>
    internal static WebApplication UseSignedIdentity(this WebApplication app)
    {
        var settings = app.Services.GetService<IdentitySettings>();
        if (app.Services.GetService<ReplayGuard>() is null || settings is null)
        {
            return app;
        }
        if (settings.UnsignedCallsAllowed)
        {
            LogUnsignedCallsAllowed(app.Logger, IdentitySettings.DisableKey);
        }
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is on: unsigned calls act as a developer holding every role. Never use it outside a developer's machine.")]
    private static partial void LogUnsignedCallsAllowed(ILogger logger, string setting);
}
