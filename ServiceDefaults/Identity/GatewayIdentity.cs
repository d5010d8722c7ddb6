using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The caller's identity as the gateway forwards it: user and roles in headers, signed with HMAC-SHA256 over
/// <c>user|roles|timestamp</c> with the secret shared by the gateway and the services (<c>Platform:IdentitySecret</c>).
/// </summary>
public static class GatewayIdentity
{
    public const string UserHeader = "X-Platform-User";
    public const string RolesHeader = "X-Platform-Roles";
    public const string TimestampHeader = "X-Platform-Timestamp";
    public const string SignatureHeader = "X-Platform-Signature";
    public const string SecretKey = "Platform:IdentitySecret";
    public const string RequireKey = "Platform:RequireGatewayIdentity";

    /// <summary>How far a signature's timestamp may be from the service's clock, either way.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    public static IReadOnlyList<string> Headers { get; } = [UserHeader, RolesHeader, TimestampHeader, SignatureHeader];

    /// <summary>The signature (lowercase hex) of <paramref name="user"/>, <paramref name="roles"/> (comma-separated) and the Unix time in seconds.</summary>
    public static string Sign(string secret, string user, string roles, long timestamp)
    {
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{user}|{roles}|{timestamp}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
    }

    /// <summary>True when the signature matches (compared in constant time) and the timestamp is within <see cref="MaxAge"/> of <paramref name="now"/>.</summary>
    public static bool IsValid(string secret, string user, string roles, string timestamp, string signature, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > MaxAge.TotalSeconds)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(secret, user, roles, seconds));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
