using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Security;

/// <summary>Authorization policy names, one per route class, put on the proxy routes as their <c>AuthorizationPolicy</c>.</summary>
public static class RoutePolicies
{
    /// <summary>YARP's name for a route that needs no authentication.</summary>
    public const string Anonymous = "Anonymous";

    public const string Read = "read";
    public const string Trade = "trade";
    public const string Work = "work";
    public const string Administer = "administer";

    public static IReadOnlyDictionary<string, string> RoleOf { get; } = new Dictionary<string, string>
    {
        [Read] = Roles.Reader,
        [Trade] = Roles.Trader,
        [Work] = Roles.Worker,
        [Administer] = Roles.Admin,
    };
}
