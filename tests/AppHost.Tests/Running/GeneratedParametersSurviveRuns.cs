using System.Text.Json;
using Platform.AppHost.Development;

namespace Platform.AppHost.Tests.Running;

public sealed class GeneratedParametersSurviveRuns : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("apphost-parameters-");

    private string File => Path.Combine(_directory.FullName, "parameters.json");

    [Fact]
    public async Task TheFirstRunGeneratesValuesThatLaterRunsReuse()
    {
        var first = Declare([]);
        LocalParameters.KeepGeneratedValues(first, File);
        var second = Declare([]);
        LocalParameters.KeepGeneratedValues(second, File);

        var firstPassword = await Value(first, "postgres-password");
        Assert.Equal(22, firstPassword.Length);
        Assert.Equal(firstPassword, await Value(second, "postgres-password"));
        Assert.Equal(await Value(first, "api-key"), await Value(second, "api-key"));
        Assert.NotEqual(firstPassword, await Value(first, "api-key"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(File));
    }

    [Fact]
    public async Task AConfiguredValueWinsAndIsNotStored()
    {
        var builder = Declare(["--Parameters:api-key=chosen-by-the-developer"]);

        LocalParameters.KeepGeneratedValues(builder, File);

        Assert.Equal("chosen-by-the-developer", await Value(builder, "api-key"));
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(await System.IO.File.ReadAllTextAsync(File))!;
        Assert.Equal(["postgres-password"], stored.Keys);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static IDistributedApplicationBuilder Declare(string[] args)
    {
        var builder = SettingsComeFromConfiguration.Builder(args);
        builder.AddGeneratedSecret("postgres-password");
        builder.AddGeneratedSecret("api-key");
        return builder;
    }

    private static async Task<string> Value(IDistributedApplicationBuilder builder, string name) =>
        (await builder.Resources.OfType<ParameterResource>().Single(parameter => parameter.Name == name).GetValueAsync(default))!;
}
