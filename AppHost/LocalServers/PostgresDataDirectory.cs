using System.Security.Cryptography;
using System.Text;

namespace Platform.AppHost.LocalServers;

/// <summary>
/// Where the local PostgreSQL keeps its data: <c>&lt;data directory&gt;/data/postgres</c> when the server's user can reach it,
/// else (a clone inside root's home directory, mode 700) a directory of this clone's own under <c>/var/tmp</c>, linked
/// from the data directory so that it is found in the usual place.
/// </summary>
public static class PostgresDataDirectory
{
    public static string For(string dataDirectory)
    {
        var preferred = Path.Combine(dataDirectory, "data", "postgres");
        if (ServerAccount.CanReach(preferred))
        {
            return preferred;
        }
        var clone = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..12];
        var elsewhere = $"/var/tmp/platform-{clone}";
        Directory.CreateDirectory(elsewhere);
        File.SetUnixFileMode(elsewhere, (UnixFileMode)0b111_101_101);
        var link = new FileInfo(preferred);
        if (link.LinkTarget is null && !Directory.Exists(preferred))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(preferred)!);
            File.CreateSymbolicLink(preferred, Path.Combine(elsewhere, "postgres"));
        }
        return Path.Combine(elsewhere, "postgres");
    }
}
