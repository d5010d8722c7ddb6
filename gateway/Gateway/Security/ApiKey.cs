namespace Platform.Gateway.Security;

/// <summary>One entry of <c>Gateway:ApiKeys</c>: the key's name, the SHA-256 hex of the key (never the key) and its roles.</summary>
public sealed record ApiKey
{
    public string Name { get; init; } = "";

    public string Hash { get; init; } = "";

    public string[] Roles { get; init; } = [];
}
