using System.Security.Cryptography;
using System.Text;

namespace Platform.Gateway.Security;

/// <summary>
/// Keys are random, high-entropy secrets (32 bytes or more), so a single SHA-256 is enough to store them: a slow
/// password hash (PBKDF2, Argon2) would protect nothing more and cost every request a few milliseconds.
/// </summary>
public static class ApiKeyHasher
{
    /// <summary>The lowercase hex SHA-256 of the key's UTF-8 bytes, as <c>Gateway:ApiKeys:*:Hash</c> holds it.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key (32 bytes, URL-safe Base64).</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
