using System.Globalization;
using Microsoft.Net.Http.Headers;
using Platform.Gateway.Security;
using Platform.ServiceDefaults.Identity;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway.Identity;

/// <summary>
/// Removes the API key and any client-sent identity headers from proxied requests, then adds the authenticated caller's
/// name and roles signed with <c>Platform:IdentitySecret</c> (<see cref="GatewayIdentity"/>) for the services to trust.
/// </summary>
internal static class IdentityForwarding
{
    public static IReverseProxyBuilder AddIdentityForwarding(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(transforms => transforms.AddRequestTransform(context =>
        {
            // The proxy copies the client's headers after the transforms run, so they are removed through RequestTransform.
            foreach (var header in (string[])[ApiKeyAuthenticationHandler.KeyHeader, HeaderNames.Authorization, .. GatewayIdentity.Headers])
            {
                RequestTransform.RemoveHeader(context, header);
            }
            var user = context.HttpContext.User;
            var secret = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>()[GatewayIdentity.SecretKey];
            if (user.Identity is { IsAuthenticated: true, Name: { } name } && !string.IsNullOrEmpty(secret))
            {
                var roles = string.Join(',', Roles.All.Where(user.IsInRole));
                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                RequestTransform.AddHeader(context, GatewayIdentity.UserHeader, name);
                RequestTransform.AddHeader(context, GatewayIdentity.RolesHeader, roles);
                RequestTransform.AddHeader(context, GatewayIdentity.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
                RequestTransform.AddHeader(context, GatewayIdentity.SignatureHeader, GatewayIdentity.Sign(secret, name, roles, timestamp));
            }
            return ValueTask.CompletedTask;
        }));
}
