using System.Security.Cryptography;
using Platform.Gateway.Routing;
using Platform.ServiceDefaults.Identity;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Identity;

/// <summary>The SHA-256 (lowercase hex) the gateway signs as the body of a proxied call.</summary>
internal sealed record BodyHash(string Value);

/// <summary>
/// Reads the body of a proxied request once, within the route's size limit, to hash it for the signature, and rewinds it
/// for the proxy. Routes marked <see cref="PlatformRoutes.StreamedBodyMetadata"/> (uploads of up to 110 MiB) are streamed
/// unread and signed as <see cref="SignedIdentity.UnsignedPayload"/>.
/// </summary>
internal sealed class BodyHashMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    private const int MemoryBufferBytes = 1 << 20;

    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config;
        var request = context.Request;
        if (route is null || (request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0))
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
        request.EnableBuffering(MemoryBufferBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            total += read;
            if (total > limit)
            {
                await BodySizeLimitMiddleware.WriteTooLargeAsync(problemDetails, context, limit);
                return;
            }
            hash.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        context.Features.Set(new BodyHash(Convert.ToHexStringLower(hash.GetHashAndReset())));
        await next(context);
    }
}
