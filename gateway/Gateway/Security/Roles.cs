namespace Platform.Gateway.Security;

/// <summary>The roles an API key can hold: each opens one class of routes; <see cref="Admin"/> opens all of them.</summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Trader = "trader";
    public const string Worker = "worker";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Reader, Trader, Worker, Admin];
}
