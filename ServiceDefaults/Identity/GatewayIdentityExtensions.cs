using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults;

public static class GatewayIdentityExtensions
{
    /// <summary>
    /// When <c>Platform:RequireGatewayIdentity</c> is true, only requests signed by the gateway reach <c>/api/**</c>
    /// (see <see cref="GatewayIdentity"/>). Off by default.
    /// </summary>
    public static WebApplication UseGatewayIdentity(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(GatewayIdentity.RequireKey))
        {
            app.UseMiddleware<GatewayIdentityMiddleware>();
        }
        return app;
    }
}
