namespace Platform.Kubernetes;

/// <summary>What the generator knows of a data server's image: the user it runs as and where it writes outside its volumes.</summary>
public sealed record ServerImage(string Name, int? User, IReadOnlyList<string> WritableDirectories)
{
    /// <summary>The postgres and redis users of the official Debian-based images.</summary>
    private const int OfficialImageUser = 999;

    public static ServerImage For(string image) => NameOf(image) switch
    {
        // The server's socket and lock file; the entrypoint's temporary files (nss_wrapper's, for a user it does not know).
        "postgres" => new("postgres", OfficialImageUser, ["/var/run/postgresql", "/tmp"]),
        "redis" => new("redis", OfficialImageUser, []),
        var name => new(name, null, ["/tmp"]),
    };

    /// <summary>The repository's last segment: <c>docker.io/library/redis:8.6</c> is <c>redis</c>.</summary>
    private static string NameOf(string image) => image[(image.LastIndexOf('/') + 1)..].Split(':', '@')[0];
}
