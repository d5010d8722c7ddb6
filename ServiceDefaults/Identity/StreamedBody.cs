using Microsoft.AspNetCore.Builder;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Endpoint metadata: the endpoint takes a body too large to be hashed before it is sent (uploads), so a signature whose
/// content hash is <see cref="SignedIdentity.UnsignedPayload"/> is accepted there, and nowhere else.
/// </summary>
public sealed class StreamedBody
{
    public static StreamedBody Instance { get; } = new();

    private StreamedBody()
    {
    }
}

public static class StreamedBodyExtensions
{
    public static TBuilder AcceptsStreamedBody<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(StreamedBody.Instance);
}
