using Microsoft.Extensions.Configuration;
using Platform.AppHost.Running;
using Platform.ServiceDefaults;

namespace Platform.AppHost.Tests.Running;

public sealed class OptionsComeFromConfiguration
{
    [Fact]
    public void DefaultsFollowTheRepositoryAndAspiresPorts()
    {
        var options = AppHostOptions.From(new ConfigurationBuilder().Build());

        Assert.True(File.Exists(Path.Combine(options.RepositoryRoot, "Platform.sln")));
        Assert.Equal(Path.Combine(options.RepositoryRoot, ".platform"), options.DataDirectory);
        Assert.Equal(AppHostOptions.DefaultPorts, options.Ports);
        Assert.Equal(18888, options.DashboardPort);
        Assert.Equal(Path.Combine(options.DataDirectory, "state.json"), options.StateFile);
    }

    [Fact]
    public void RootDataDirectoryAndEachPortCanBeSet()
    {
        var root = AppHostOptions.FindRepositoryRoot(AppContext.BaseDirectory);
        var options = AppHostOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppHost:RepositoryRoot"] = root + "/.",
            ["AppHost:DataDirectory"] = "/tmp/platform-elsewhere",
            ["AppHost:Ports:gateway"] = "9090",
            ["AppHost:Ports:dashboard"] = "19999",
        }).Build());

        Assert.Equal(root, options.RepositoryRoot);
        Assert.Equal("/tmp/platform-elsewhere", options.DataDirectory);
        Assert.Equal(9090, options.Ports[ResourceNames.Gateway]);
        Assert.Equal(19999, options.DashboardPort);
        Assert.Equal(AppHostOptions.DefaultPorts[ResourceNames.Backtests], options.Ports[ResourceNames.Backtests]);
    }

    [Fact]
    public void AStartOutsideTheRepositoryNamesTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AppHostOptions.FindRepositoryRoot("/"));

        Assert.Contains("AppHost:RepositoryRoot", error.Message, StringComparison.Ordinal);
    }
}
