namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// How callers present an API key at the gateway (docs/security.md, 1), named as the OpenAPI documents' security schemes
/// so that the gateway's authentication and its API reference page agree.
/// </summary>
public static class ApiKeySchemes
{
    /// <summary>The header that carries the key.</summary>
    public const string HeaderName = "X-API-Key";

    /// <summary>The scheme of the key in <see cref="HeaderName"/>.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>The scheme of the key sent as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public const string Bearer = "Bearer";
}
