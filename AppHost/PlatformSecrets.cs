namespace Platform.AppHost;

public static class PlatformSecrets
{
    /// <summary>The parameter the gateway signs forwarded identities with and the services check them with.</summary>
    public const string IdentitySecret = "identity-secret";
}
