using Platform.Gateway.Routing;
using Platform.ServiceDefaults.Identity;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Identity;

/// <summary>The SHA-256 (lowercase hex) the gateway signs as the body of a proxied call.</summary>
internal sealed record BodyHash(string Value);

/// <summary>
/// Reads the body of a proxied request once, within the route's size limit, to hash it for the signature, and rewinds it
/// for the proxy. Routes marked <see cref="PlatformRoutes.StreamedBodyMetadata"/> (uploads of up to 100 MiB) are streamed
/// unread and signed as <see cref="SignedIdentity.UnsignedPayload"/>.
/// </summary>
internal sealed class BodyHashMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config;
        var request = context.Request;
        if (route is null)
        {
            await next(context);
            return;
        }
        if (route.Metadata?.ContainsKey(PlatformRoutes.StreamedBodyMetadata) == true)
        {
            context.Features.Set(new BodyHash(SignedIdentity.UnsignedPayload));
            await next(context);
            return;
        }
        var limit = route.MaxRequestBodySize is > 0 and var max ? max : long.MaxValue;
        if (await SignedIdentity.HashBodyAsync(request, limit, context.RequestAborted) is not { } hash)
        {
            await BodySizeLimitMiddleware.WriteTooLargeAsync(problemDetails, context, limit);
            return;
        }
        context.Features.Set(new BodyHash(hash));
        await next(context);
    }
}
