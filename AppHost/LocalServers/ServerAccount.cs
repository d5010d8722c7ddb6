namespace Platform.AppHost.LocalServers;

/// <summary>
/// PostgreSQL refuses to run as root: a root AppHost runs its programs as the <c>postgres</c> user through
/// <c>setpriv</c>, which execs in place, so the signals DCP sends reach the server itself.
/// </summary>
public static class ServerAccount
{
    public const string PostgresUser = "postgres";

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command and leading arguments that run <paramref name="program"/> as the server's user.</summary>
    public static (string Command, string[] Arguments) Run(string program) =>
        IsRoot
            ? ("setpriv", [$"--reuid={PostgresUser}", $"--regid={PostgresUser}", "--init-groups", "--", program])
            : (program, []);

    /// <summary>
    /// Whether the server's user can reach <paramref name="directory"/>: every directory above it must let others through
    /// (root's home directory, mode 700, does not).
    /// </summary>
    public static bool CanReach(string directory)
    {
        if (!IsRoot)
        {
            return true;
        }
        for (var current = new DirectoryInfo(directory).Parent; current is not null; current = current.Parent)
        {
            if (current.Exists && !current.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Hands files to the server's user (as root), so that it can write its data directory and read its password.</summary>
    public static async Task GiveToServerUserAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        using var chown = System.Diagnostics.Process.Start("chown", [$"{PostgresUser}:{PostgresUser}", .. paths]);
        await chown.WaitForExitAsync(cancellationToken);
        if (chown.ExitCode != 0)
        {
            throw new DistributedApplicationException($"chown to the '{PostgresUser}' user failed with exit code {chown.ExitCode}.");
        }
    }
}
