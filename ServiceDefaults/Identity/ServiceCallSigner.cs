using System.Security.Cryptography;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Signs a service's own calls to another service with its service identity (user: the service's name, role
/// <see cref="Roles.Service"/>). It sits inside the resilience handler, so every attempt is signed afresh with its own
/// request id and a retry is never taken for a replay.
/// </summary>
public sealed class ServiceCallSigner(IdentitySettings settings, ServiceName service, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await SignAsync(request, settings.Secret, service.Value, Roles.Service, time.GetUtcNow(), cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>Replaces any identity headers of <paramref name="request"/> with a signature of it by <paramref name="user"/>.</summary>
    public static async Task SignAsync(
        HttpRequestMessage request, string secret, string user, string roles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contentHash = SignedIdentity.EmptyContentHash;
        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken);
            contentHash = Convert.ToHexStringLower(SHA256.HashData(await content.ReadAsByteArrayAsync(cancellationToken)));
        }
        var uri = request.RequestUri!;
        foreach (var header in SignedIdentity.Headers)
        {
            request.Headers.Remove(header);
        }
        foreach (var (name, value) in SignedIdentity.HeadersFor(
            secret, request.Method.Method, SignedIdentity.Target(uri.AbsolutePath, uri.Query), contentHash, user, roles, now))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}

/// <summary>The name a service signs its own calls with.</summary>
public sealed record ServiceName(string Value);
