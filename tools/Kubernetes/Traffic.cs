using System.Text.RegularExpressions;

namespace Platform.Kubernetes;

/// <summary>
/// Who talks to whom, read from the manifest's references: a project calls the projects its service discovery
/// variables name (<c>services__&lt;name&gt;__&lt;endpoint&gt;__&lt;index&gt;</c>) and uses the containers its env
/// names (connection strings, hosts, ports).
/// </summary>
public sealed partial class Traffic(AspireManifest manifest)
{
    private readonly Placeholders references = new(manifest, resource => resource);

    public IEnumerable<string> Callees(ManifestResource project) =>
        project.Env.Keys
            .Select(key => ServiceDiscovery().Match(key))
            .Where(match => match.Success && manifest.Resource(match.Groups["name"].Value).Type == AspireManifest.Project)
            .Select(match => match.Groups["name"].Value)
            .Distinct();

    public IEnumerable<string> Callers(ManifestResource project) =>
        manifest.OfType(AspireManifest.Project).Where(caller => Callees(caller).Contains(project.Name)).Select(caller => caller.Name);

    public IEnumerable<ManifestResource> DataServers(ManifestResource project) =>
        project.Env.Values
            .SelectMany(references.ResourcesReached)
            .Where(resource => resource.Type == AspireManifest.Container)
            .Distinct();

    public IEnumerable<string> Clients(ManifestResource container) =>
        manifest.OfType(AspireManifest.Project).Where(project => DataServers(project).Contains(container)).Select(project => project.Name);

    [GeneratedRegex(@"^services__(?<name>.+?)__[^_]+__[0-9]+$")]
    private static partial Regex ServiceDiscovery();
}
