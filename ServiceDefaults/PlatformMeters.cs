namespace Platform.ServiceDefaults;

/// <summary>The meters whose instruments every service exports on <c>/metrics</c>.</summary>
public static class PlatformMeters
{
    public const string Prefix = "Platform.";

    public static readonly string[] Names = [$"{Prefix}*"];
}
