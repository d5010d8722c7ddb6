namespace Platform.Testing.LocalServers;

/// <summary>Finds server binaries on PATH or where Debian's packages put them.</summary>
public static class Executables
{
    public static string? Find(string name, params string[] extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>PostgreSQL's server programs: PATH, else the newest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>.</summary>
    public static string FindPostgres(string name)
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(directory => int.TryParse(Path.GetFileName(directory), out var version) ? version : 0)
                .Select(directory => Path.Combine(directory, "bin"))
                .ToArray()
            : [];
        return Find(name, debian)
            ?? throw new InvalidOperationException(
                $"PostgreSQL's '{name}' was not found on PATH or under /usr/lib/postgresql. Install it with 'apt-get install -y postgresql'.");
    }

    public static string FindRedis() =>
        Find("redis-server", "/usr/bin", "/usr/local/bin")
        ?? throw new InvalidOperationException("'redis-server' was not found. Install it with 'apt-get install -y redis-server'.");
}
