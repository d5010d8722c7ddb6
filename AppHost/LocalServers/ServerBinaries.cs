namespace Platform.AppHost.LocalServers;

/// <summary>Finds the machine's PostgreSQL and Redis programs: on PATH, else where Debian's packages put them.</summary>
public static class ServerBinaries
{
    public const string InstallHint = "Install them with 'scripts/prerequisites.sh' (Debian packages postgresql and redis-server).";

    /// <summary>PostgreSQL's server programs: PATH, else the newest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>.</summary>
    public static string Postgres(string program)
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(directory => int.TryParse(Path.GetFileName(directory), out var version) ? version : 0)
                .Select(directory => Path.Combine(directory, "bin"))
            : [];
        return Find(program, debian) ?? throw new DistributedApplicationException($"PostgreSQL's '{program}' was not found. {InstallHint}");
    }

    public static string Redis() =>
        Find("redis-server", ["/usr/bin", "/usr/local/bin"])
        ?? throw new DistributedApplicationException($"'redis-server' was not found. {InstallHint}");

    private static string? Find(string program, IEnumerable<string> extraDirectories) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
