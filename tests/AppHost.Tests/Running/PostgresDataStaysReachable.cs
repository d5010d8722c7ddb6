using Platform.AppHost.LocalServers;

namespace Platform.AppHost.Tests.Running;

public sealed class PostgresDataStaysReachable : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("apphost-data-");

    [Fact]
    public void AReachableDataDirectoryKeepsPostgresInside()
    {
        File.SetUnixFileMode(_directory.FullName, (UnixFileMode)0b111_101_101);
        var dataDirectory = Path.Combine(_directory.FullName, ".platform");

        Assert.True(ServerAccount.CanReach(Path.Combine(dataDirectory, "data", "postgres")));
        Assert.Equal(Path.Combine(dataDirectory, "data", "postgres"), PostgresDataDirectory.For(dataDirectory));
    }

    [Fact]
    public void AClosedHomeDirectoryMovesPostgresToVarTmpAndLinksIt()
    {
        Assert.True(ServerAccount.IsRoot, "The tests run as root on the project's machines, as users clone as root.");
        // Like root's home directory: mode 700, which the postgres user cannot pass.
        File.SetUnixFileMode(_directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var dataDirectory = Path.Combine(_directory.FullName, "clone", ".platform");

        var postgres = PostgresDataDirectory.For(dataDirectory);
        var again = PostgresDataDirectory.For(dataDirectory);
        try
        {
            Assert.False(ServerAccount.CanReach(Path.Combine(dataDirectory, "data", "postgres")));
            Assert.StartsWith("/var/tmp/platform-", postgres, StringComparison.Ordinal);
            Assert.Equal(postgres, again);
            Assert.True(ServerAccount.CanReach(postgres));
            Assert.Equal(postgres, new FileInfo(Path.Combine(dataDirectory, "data", "postgres")).LinkTarget);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(postgres)!, recursive: true);
        }
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
