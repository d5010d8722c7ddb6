using Platform.AppHost.Development;
using Platform.AppHost.LocalServers;

namespace Platform.AppHost.Tests.Running;

public sealed class SecretFilesAreOwnerOnly : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("apphost-secrets-");

    [Fact]
    public void ANewFileIsCreatedOwnerOnly()
    {
        var path = Path.Combine(_directory.FullName, "new.json");

        OwnerOnlyFile.Write(path, "{}");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public void AnOpenFileIsClosedBeforeItsSecretIsWritten()
    {
        var path = Path.Combine(_directory.FullName, "old.conf");
        File.WriteAllText(path, "a much longer old content");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);

        OwnerOnlyFile.Write(path, "requirepass x");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("requirepass x", File.ReadAllText(path));
    }

    [Fact]
    public void AConnectionStringIsUnknownUntilAspireAllocatesTheEndpoints()
    {
        var builder = SettingsComeFromConfiguration.Builder([]);
        var redis = builder.AddConnectionString("redis");

        var known = KnownConnectionString.Of(builder, redis.Resource);

        var error = Assert.Throws<InvalidOperationException>(() => known.Value);
        Assert.Contains("not known yet", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
