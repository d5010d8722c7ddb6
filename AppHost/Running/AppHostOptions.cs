using System.Reflection;
using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults;

namespace Platform.AppHost.Running;

/// <summary>Where the AppHost finds the repository, keeps its data, and which ports it gives each resource.</summary>
public sealed record AppHostOptions(string RepositoryRoot, string DataDirectory, IReadOnlyDictionary<string, int> Ports, string BuildConfiguration)
{
    public static readonly IReadOnlyDictionary<string, int> DefaultPorts = new Dictionary<string, int>
    {
        [ResourceNames.Postgres] = 15432,
        [ResourceNames.Redis] = 16379,
        [ResourceNames.Backtests] = 5101,
        [ResourceNames.Optimizations] = 5102,
        [ResourceNames.MarketData] = 5103,
        [ResourceNames.Health] = 5104,
        [ResourceNames.Gateway] = 8080,
        [DashboardPortName] = 18888,
    };

    /// <summary>The developer dashboard's port, configured like the resources' as <c>AppHost:Ports:dashboard</c>.</summary>
    public const string DashboardPortName = "dashboard";

    public int DashboardPort => Ports[DashboardPortName];

    public string StateFile => Path.Combine(DataDirectory, "state.json");

    /// <summary>Reads <c>AppHost:RepositoryRoot</c>, <c>AppHost:DataDirectory</c> and <c>AppHost:Ports:&lt;resource&gt;</c>.</summary>
    public static AppHostOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("AppHost");
        var root = section["RepositoryRoot"] ?? FindRepositoryRoot(AppContext.BaseDirectory);
        var ports = DefaultPorts.ToDictionary(
            port => port.Key,
            port => section.GetSection("Ports").GetValue(port.Key, port.Value));
        var configurationName = typeof(AppHostOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return new AppHostOptions(
            Path.GetFullPath(root),
            Path.GetFullPath(section["DataDirectory"] ?? Path.Combine(root, ".platform")),
            ports,
            configurationName);
    }

    public static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Platform.sln above {start}; set AppHost:RepositoryRoot.");
    }
}
