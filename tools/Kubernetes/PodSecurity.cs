namespace Platform.Kubernetes;

/// <summary>
/// The restricted Pod Security Standard for every pod: a non-root user, the runtime's default seccomp profile, no
/// privilege escalation and no capabilities, a read-only root filesystem with an emptyDir for each directory the
/// process writes outside its volumes, and no service account token, as no pod talks to the Kubernetes API.
/// </summary>
public static class PodSecurity
{
    /// <summary>The <c>app</c> user (<c>APP_UID</c>) of the official .NET images the SDK builds ours on.</summary>
    public const int DotNetUser = 1654;

    /// <summary>ASP.NET Core buffers large request bodies in the temporary directory.</summary>
    public static readonly IReadOnlyList<string> DotNetWritableDirectories = ["/tmp"];

    /// <summary>The pod's <c>securityContext</c>; without a user, the image's own must be a numeric non-root one.</summary>
    public static YamlMap Pod(int? user) => new()
    {
        { "runAsNonRoot", true },
        { "runAsUser", user },
        { "runAsGroup", user },
        { "fsGroup", user },
        // A recursive change on every mount would make PostgreSQL's data directory group-writable, which it refuses.
        { "fsGroupChangePolicy", user is null ? null : "OnRootMismatch" },
        { "seccompProfile", new YamlMap { { "type", "RuntimeDefault" } } },
    };

    public static YamlMap Container() => new()
    {
        { "allowPrivilegeEscalation", false },
        { "readOnlyRootFilesystem", true },
        { "capabilities", new YamlMap { { "drop", new object[] { "ALL" } } } },
    };

    public static IEnumerable<object> Mounts(IEnumerable<string> directories) =>
        directories.Select(directory => (object)new YamlMap { { "name", VolumeName(directory) }, { "mountPath", directory } });

    public static IEnumerable<object> Volumes(IEnumerable<string> directories) =>
        directories.Select(directory => (object)new YamlMap { { "name", VolumeName(directory) }, { "emptyDir", new YamlMap() } });

    /// <summary><c>/var/run/postgresql</c> is <c>var-run-postgresql</c>.</summary>
    private static string VolumeName(string directory) => directory.Trim('/').Replace('/', '-');
}
