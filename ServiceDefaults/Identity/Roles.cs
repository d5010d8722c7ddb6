namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The roles a signed identity can carry. API keys hold the first four (each opens one class of routes; <see cref="Admin"/>
/// opens all of them); <see cref="Service"/> is only ever signed by a service for its own calls, never forwarded for a key.
/// </summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Trader = "trader";
    public const string Worker = "worker";
    public const string Admin = "admin";
    public const string Service = "service";

    /// <summary>The roles an API key may hold and the gateway forwards.</summary>
    public static IReadOnlyList<string> All { get; } = [Reader, Trader, Worker, Admin];
}
