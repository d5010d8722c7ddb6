using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The identity every call between the platform's processes carries (docs/security.md, 1): the caller's user and roles, a
/// timestamp, a request id used once, and the SHA-256 of the body, signed with HMAC-SHA256 over those and the method, path
/// and query, with the secret shared by the gateway and the services (<c>Platform:IdentitySecret</c>).
/// </summary>
public static class SignedIdentity
{
    public const string UserHeader = "X-Platform-User";
    public const string RolesHeader = "X-Platform-Roles";
    public const string TimestampHeader = "X-Platform-Timestamp";
    public const string RequestIdHeader = "X-Platform-Request-Id";
    public const string ContentHashHeader = "X-Platform-Content-SHA256";
    public const string SignatureHeader = "X-Platform-Signature";
    public const string SecretKey = "Platform:IdentitySecret";

    /// <summary>The content hash of a body streamed through unread (uploads); accepted only where an endpoint says so.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>The user the gateway signs for a caller of an anonymous route (probes, documents).</summary>
    public const string AnonymousUser = "anonymous";

    /// <summary>A secret shorter than this is refused at start.</summary>
    public const int MinimumSecretLength = 16;

    private const string Scheme = "PLATFORM-HMAC-SHA256";
    private const int MaxRequestIdLength = 64;
    private const int MemoryBufferBytes = 1 << 20;

    /// <summary>How far a signature's timestamp may be from the receiver's clock, either way.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    /// <summary>The SHA-256 (lowercase hex) of an empty body.</summary>
    public static readonly string EmptyContentHash = Convert.ToHexStringLower(SHA256.HashData([]));

    private static readonly SearchValues<char> RequestIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    public static IReadOnlyList<string> Headers { get; } =
        [UserHeader, RolesHeader, TimestampHeader, RequestIdHeader, ContentHashHeader, SignatureHeader];

    /// <summary>A new request id: 128 random bits.</summary>
    public static string NewRequestId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsWellFormedRequestId(string value) =>
        value.Length is > 0 and <= MaxRequestIdLength && !value.AsSpan().ContainsAnyExcept(RequestIdCharacters);

    /// <summary>
    /// The path and query in the form both ends agree on whatever escaping travelled between them: percent-decoded, so
    /// that <c>/a%20b</c> and <c>/a b</c> sign alike and a signature never fits a route that decodes differently.
    /// </summary>
    public static string Target(string path, string? query) =>
        Uri.UnescapeDataString(path) + (string.IsNullOrEmpty(query) || query == "?" ? "" : Uri.UnescapeDataString(query.StartsWith('?') ? query : "?" + query));

    /// <summary>The signature (lowercase hex) of one call.</summary>
    public static string Sign(string secret, SignedCall call) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Canonical(call))));

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="call"/>, compared in constant time.</summary>
    public static bool HasValidSignature(string secret, SignedCall call, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, call)), Encoding.ASCII.GetBytes(signature));

    /// <summary>The headers of a call signed now by <paramref name="user"/> with <paramref name="roles"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> HeadersFor(
        string secret, string method, string target, string contentHash, string user, string roles, DateTimeOffset now)
    {
        var call = new SignedCall(method, target, now.ToUnixTimeSeconds(), NewRequestId(), contentHash, user, roles);
        return
        [
            new(UserHeader, user),
            new(RolesHeader, roles),
            new(TimestampHeader, call.Timestamp.ToString(CultureInfo.InvariantCulture)),
            new(RequestIdHeader, call.RequestId),
            new(ContentHashHeader, contentHash),
            new(SignatureHeader, Sign(secret, call)),
        ];
    }

    /// <summary>
    /// The body's hash (<see cref="EmptyContentHash"/> without a body), read once and buffered (in memory up to 1 MiB,
    /// then in a temporary file) so that the endpoint or the proxy reads it again from the start; null when the body is
    /// longer than <paramref name="limit"/>.
    /// </summary>
    public static async Task<string?> HashBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0)
        {
            return EmptyContentHash;
        }
        request.EnableBuffering(MemoryBufferBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return null;
                }
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Canonical(SignedCall call) => string.Join('\n',
        Scheme,
        call.Method.ToUpperInvariant(),
        call.Target,
        call.Timestamp.ToString(CultureInfo.InvariantCulture),
        call.RequestId,
        call.ContentHash,
        call.User,
        call.Roles);
}

/// <summary>What a signature covers.</summary>
public sealed record SignedCall(string Method, string Target, long Timestamp, string RequestId, string ContentHash, string User, string Roles);
