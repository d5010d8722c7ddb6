namespace Platform.AppHost.Tests.Running;

public sealed class SettingsComeFromConfiguration
{
    [Fact]
    public void DataLivesUnderTheRepositoryByDefault()
    {
        var settings = AppHostSettings.From(Builder([]));

        Assert.Equal(Path.Combine(Repository.Root, ".platform"), settings.DataDirectory);
        Assert.Equal(Path.Combine(Repository.Root, ".platform", "state.json"), settings.StateFile);
        Assert.Equal(Path.Combine(Repository.Root, ".platform", "secrets.json"), settings.SecretsFile);
        Assert.Equal(Path.Combine(Repository.Root, ".platform", "parameters.json"), settings.ParametersFile);
        Assert.Equal("auto", settings.DataServers);
    }

    [Fact]
    public void PortsDataAndProjectSettingsAreRead()
    {
        var settings = AppHostSettings.From(Builder(
        [
            "--AppHost:DataDirectory=/tmp/elsewhere", "--AppHost:Ports:gateway=9090", "--AppHost:Ports:redis=0",
            "--AppHost:Environment:Bybit:BaseUrl=https://api-testnet.bybit.com", "--AppHost:DataServers=executables",
        ]));

        Assert.Equal("/tmp/elsewhere", settings.DataDirectory);
        Assert.Equal(9090, settings.Port("gateway"));
        Assert.Null(settings.Port("redis"));
        Assert.Null(settings.Port("postgres"));
        Assert.Equal("https://api-testnet.bybit.com", settings.Environment["Bybit__BaseUrl"]);
        Assert.False(settings.UseContainers(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run)));
    }

    [Theory]
    [InlineData("containers", DistributedApplicationOperation.Run, true)]
    [InlineData("executables", DistributedApplicationOperation.Run, false)]
    [InlineData("executables", DistributedApplicationOperation.Publish, true)]
    public void DataServersFollowTheSettingAndPublishingAlwaysDeclaresContainers(
        string dataServers, DistributedApplicationOperation operation, bool containers)
    {
        var settings = AppHostSettings.From(Builder([$"--AppHost:DataServers={dataServers}"]));

        Assert.Equal(containers, settings.UseContainers(new DistributedApplicationExecutionContext(operation)));
    }

    [Fact]
    public void AnUnknownDataServerKindNamesTheChoices()
    {
        var settings = AppHostSettings.From(Builder(["--AppHost:DataServers=vms"]));

        var error = Assert.Throws<DistributedApplicationException>(() =>
            settings.UseContainers(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run)));

        Assert.Contains("'auto', 'executables' or 'containers'", error.Message, StringComparison.Ordinal);
    }

    internal static IDistributedApplicationBuilder Builder(string[] args) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = args,
            ProjectDirectory = Path.Combine(Repository.Root, "AppHost"),
            DisableDashboard = true,
        });
}
