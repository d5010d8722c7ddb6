using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.AppHost.Running;

/// <summary>
/// The secrets of a local run, generated on the first run and kept in <c>.platform/secrets.json</c> (owner-only): the
/// development API key with every role, and the secret the gateway signs forwarded identities with.
/// </summary>
public sealed record DevelopmentSecrets(string ApiKey, string IdentitySecret)
{
    private const string FileName = "secrets.json";

    /// <summary>Every role of the gateway, so that the development key can call everything.</summary>
    private static readonly string[] Roles = ["reader", "trader", "worker", "admin"];

    /// <summary>Whether this call created the secrets (the key is then printed once).</summary>
    public bool IsNew { get; private init; }

    public static DevelopmentSecrets LoadOrGenerate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path) && JsonSerializer.Deserialize<DevelopmentSecrets>(File.ReadAllText(path)) is { } stored)
        {
            return stored;
        }
        var secrets = new DevelopmentSecrets(NewSecret(), NewSecret()) { IsNew = true };
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(path, JsonSerializer.Serialize(secrets));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secrets;
    }

    /// <summary>The gateway's key list holds only the SHA-256 of the key, as <c>Gateway:ApiKeys</c> expects.</summary>
    public IEnumerable<(string Key, string Value)> GatewayEnvironment() =>
    [
        ("Gateway__ApiKeys__0__Name", "development"),
        ("Gateway__ApiKeys__0__Hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)))),
        .. Roles.Select((role, index) => ($"Gateway__ApiKeys__0__Roles__{index}", role)),
    ];

    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
