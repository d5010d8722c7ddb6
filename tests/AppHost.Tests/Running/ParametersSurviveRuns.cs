using Platform.AppHost.Model;
using Platform.AppHost.Running;

namespace Platform.AppHost.Tests.Running;

public sealed class ParametersSurviveRuns : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"platform-parameters-{Guid.NewGuid():N}");

    [Fact]
    public void ValuesAreGeneratedOnceKeptOwnerOnlyAndNewParametersAreAdded()
    {
        var password = new ParameterResource("postgres-password", Secret: true, MinLength: 22);
        var token = new ParameterResource("token", Secret: true, MinLength: 30);

        var first = Parameters.LoadOrGenerate(_dataDirectory, [password]);
        var second = Parameters.LoadOrGenerate(_dataDirectory, [password, token]);
        var third = Parameters.LoadOrGenerate(_dataDirectory, [password, token]);

        Assert.Equal(22, first[password.Name].Length);
        Assert.All(first[password.Name], character => Assert.True(char.IsAsciiLetterOrDigit(character)));
        Assert.Equal(first[password.Name], second[password.Name]);
        Assert.Equal(30, second[token.Name].Length);
        Assert.Equal(second, third);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dataDirectory, "parameters.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
