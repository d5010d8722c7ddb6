using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

/// <summary>
/// The AppHost's own settings, under <c>AppHost:</c>: where local data lives (<c>DataDirectory</c>, <c>.platform/</c> at the
/// repository root by default), how PostgreSQL and Redis run (<c>DataServers</c>: <c>auto</c>, <c>executables</c> or
/// <c>containers</c>), fixed host ports (<c>Ports:&lt;resource&gt;</c>), replicas of a service (<c>Replicas:&lt;service&gt;</c>),
/// and settings for every project (<c>Environment:&lt;key&gt;</c>, nested keys joined by <c>__</c>).
/// </summary>
public sealed record AppHostSettings(
    string DataDirectory,
    string DataServers,
    IReadOnlyDictionary<string, int> Ports,
    IReadOnlyDictionary<string, int> Replicas,
    IReadOnlyDictionary<string, string> Environment)
{
    public static AppHostSettings From(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("AppHost");
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        return new AppHostSettings(
            Path.GetFullPath(section["DataDirectory"] ?? Path.Combine(repositoryRoot, ".platform")),
            section["DataServers"] ?? "auto",
            Numbers(section.GetSection("Ports")),
            Numbers(section.GetSection("Replicas")),
            section.GetSection("Environment").AsEnumerable(makePathsRelative: true)
                .Where(setting => setting.Value is not null)
                .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!));
    }

    public int? Port(string resource) => Ports.TryGetValue(resource, out var port) && port > 0 ? port : null;

    public int ReplicasOf(string project) => Replicas.TryGetValue(project, out var replicas) && replicas > 1 ? replicas : 1;

    public string StateFile => Path.Combine(DataDirectory, "state.json");

    public string SecretsFile => Path.Combine(DataDirectory, "secrets.json");

    public string ParametersFile => Path.Combine(DataDirectory, "parameters.json");

    /// <summary>
    /// Whether PostgreSQL and Redis run as Aspire's standard container resources: always when publishing, else when asked or,
    /// with <c>auto</c>, when a container engine answers.
    /// </summary>
    public bool UseContainers(DistributedApplicationExecutionContext context) =>
        context.IsPublishMode || DataServers switch
        {
            "containers" => true,
            "executables" => false,
            "auto" => ContainerEngine.Answers(),
            _ => throw new DistributedApplicationException(
                $"AppHost:DataServers is '{DataServers}'; use 'auto', 'executables' or 'containers'."),
        };

    private static Dictionary<string, int> Numbers(IConfigurationSection section) =>
        section.GetChildren()
            .Where(setting => int.TryParse(setting.Value, out _))
            .ToDictionary(setting => setting.Key, setting => int.Parse(setting.Value!, System.Globalization.CultureInfo.InvariantCulture));
}
