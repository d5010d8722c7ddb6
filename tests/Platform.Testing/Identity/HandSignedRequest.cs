using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Testing.Identity;

/// <summary>
/// Builds signed requests by hand, from the scheme as docs/security.md states it rather than from the platform's signing
/// code, so that a test can sign truly, or forge, age, misdirect or replay a signature on purpose.
/// </summary>
public sealed record HandSignedRequest(HttpMethod Method, string Target, string? JsonBody = null)
{
    public string User { get; init; } = "test-admin";

    public string Roles { get; init; } = "admin";

    public string Secret { get; init; } = Caller.Secret;

    public DateTimeOffset SignedAt { get; init; } = DateTimeOffset.UtcNow;

    public string RequestId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>The path and query the signature names, when it is not <see cref="Target"/> (a signature for another route).</summary>
    public string? SignedTarget { get; init; }

    /// <summary>The body the signature names, when it is not <see cref="JsonBody"/> (a signature for another body).</summary>
    public string? SignedBody { get; init; }

    /// <summary>The roles the signature names, when they are not <see cref="Roles"/> (a roles header changed after signing).</summary>
    public string? SignedRoles { get; init; }

    public HttpRequestMessage Build()
    {
        var request = new HttpRequestMessage(Method, Target);
        if (JsonBody is not null)
        {
            request.Content = new StringContent(JsonBody, Encoding.UTF8, "application/json");
        }
        var timestamp = SignedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var contentHash = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(SignedBody ?? JsonBody ?? "")));
        var canonical = string.Join('\n',
            "PLATFORM-HMAC-SHA256", Method.Method, Uri.UnescapeDataString(SignedTarget ?? Target), timestamp, RequestId, contentHash, User, SignedRoles ?? Roles);
        var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(canonical)));
        request.Headers.Add("X-Platform-User", User);
        request.Headers.Add("X-Platform-Roles", Roles);
        request.Headers.Add("X-Platform-Timestamp", timestamp);
        request.Headers.Add("X-Platform-Request-Id", RequestId);
        request.Headers.Add("X-Platform-Content-SHA256", contentHash);
        request.Headers.Add("X-Platform-Signature", signature);
        return request;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
