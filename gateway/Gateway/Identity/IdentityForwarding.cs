using Microsoft.Net.Http.Headers;
using Platform.Gateway.Security;
using Platform.ServiceDefaults.Identity;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway.Identity;

/// <summary>
/// Removes the API key and any client-sent identity headers from proxied requests, then signs the call for the service
/// (<see cref="SignedIdentity"/>): the authenticated caller's name and roles, or <see cref="SignedIdentity.AnonymousUser"/>
/// without roles on an anonymous route, over the method, the path and query as the service will see them, a new request id
/// and the body's hash taken by <see cref="BodyHashMiddleware"/>.
/// </summary>
internal static class IdentityForwarding
{
    public static IReverseProxyBuilder AddIdentityForwarding(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(transforms => transforms.AddRequestTransform(context =>
        {
            // The proxy copies the client's headers after the transforms run, so they are removed through RequestTransform.
            foreach (var header in (string[])[ApiKeyAuthenticationHandler.KeyHeader, HeaderNames.Authorization, .. SignedIdentity.Headers])
            {
                RequestTransform.RemoveHeader(context, header);
            }
            var http = context.HttpContext;
            var settings = http.RequestServices.GetRequiredService<IdentitySettings>();
            if (settings.Secret.Length == 0)
            {
                return ValueTask.CompletedTask;
            }
            var user = http.User;
            var (name, roles) = user.Identity is { IsAuthenticated: true, Name: { } caller }
                ? (caller, string.Join(',', Roles.All.Where(user.IsInRole)))
                : (SignedIdentity.AnonymousUser, "");
            var target = SignedIdentity.Target(context.Path.Value ?? "/", context.Query.QueryString.Value);
            var contentHash = http.Features.Get<BodyHash>()?.Value ?? SignedIdentity.EmptyContentHash;
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            foreach (var (header, value) in SignedIdentity.HeadersFor(settings.Secret, http.Request.Method, target, contentHash, name, roles, now))
            {
                RequestTransform.AddHeader(context, header, value);
            }
            return ValueTask.CompletedTask;
        }));
}
