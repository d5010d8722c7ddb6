using System.Text.RegularExpressions;

namespace Platform.Kubernetes;

/// <summary>
/// Resolves manifest placeholders the way Aspir8 does: hosts become Service names (or the operator's hosts), ports the
/// Services' ports, http URLs <c>http://&lt;name&gt;:8080</c>, and parameter values a placeholder the operator
/// replaces, so that no secret is ever generated into the tree.
/// </summary>
public sealed partial class Placeholders(AspireManifest manifest, Func<string, string> host)
{
    public const string SecretValue = "replace-me";

    public string Resolve(string expression) =>
        Placeholder().Replace(expression, match => Value(match.Groups["resource"].Value, match.Groups["path"].Value));

    /// <summary>Whether the expression holds a parameter value or a connection string, directly or through another resource.</summary>
    public bool IsSecret(string expression) => Reached(expression).Any(reference =>
        reference.Path == "connectionString" || (reference.Resource.Type == AspireManifest.Parameter && reference.Path == "value"));

    /// <summary>Whether the expression names where a data server runs, which differs between the overlays.</summary>
    public bool DependsOnHost(string expression) => Reached(expression).Any(reference =>
        reference.Resource.Type != AspireManifest.Project && reference.Path.Split('.') is ["bindings", _, "host" or "url"]);

    /// <summary>The resources the expression names, directly or through the connection strings and values it names.</summary>
    public IEnumerable<ManifestResource> ResourcesReached(string expression) =>
        Reached(expression).Select(reference => reference.Resource).Distinct();

    /// <summary>Whether the expression is exactly one parameter's value.</summary>
    public bool IsParameter(string expression) =>
        Placeholder().Match(expression) is { Success: true } match && match.Value == expression
        && match.Groups["path"].Value == "value" && manifest.Resource(match.Groups["resource"].Value).Type == AspireManifest.Parameter;

    /// <summary>Every placeholder the expression holds, and those of the connection strings and values it names.</summary>
    private IEnumerable<(ManifestResource Resource, string Path)> Reached(string expression) =>
        Placeholder().Matches(expression).SelectMany(match =>
        {
            var resource = manifest.Resource(match.Groups["resource"].Value);
            var path = match.Groups["path"].Value;
            var inner = (resource, path) switch
            {
                ({ ConnectionString: { } connectionString }, "connectionString") => Reached(connectionString),
                ({ Type: AspireManifest.AnnotatedString, Value: { } value }, "value") => Reached(value),
                _ => [],
            };
            return inner.Prepend((resource, path));
        });

    private string Value(string name, string path)
    {
        var resource = manifest.Resource(name);
        return (resource, path) switch
        {
            ({ ConnectionString: { } connectionString }, "connectionString") => Resolve(connectionString),
            ({ Type: AspireManifest.Parameter }, "value") => SecretValue,
            ({ Type: AspireManifest.AnnotatedString, Value: { } value }, "value") => Filter(resource, Resolve(value)),
            (_, _) when path.Split('.') is ["bindings", var binding, var property] => Binding(resource, binding, property),
            _ => throw Unknown(name, path),
        };
    }

    private string Binding(ManifestResource resource, string name, string property)
    {
        if (!resource.Bindings.TryGetValue(name, out var binding))
        {
            throw Unknown(resource.Name, $"bindings.{name}.{property}");
        }
        // A project listens on the same port as its Service; a container's Service forwards its target port.
        var port = resource.Type == AspireManifest.Project
            ? Workload.HttpPort
            : binding.TargetPort ?? throw new ManifestException($"The binding '{name}' of '{resource.Name}' has no targetPort.");
        var hostName = resource.Type == AspireManifest.Project ? resource.Name : host(resource.Name);
        return property switch
        {
            "host" => hostName,
            "port" or "targetPort" => $"{port}",
            "scheme" => binding.Scheme,
            "url" => $"{binding.Scheme}://{hostName}:{port}",
            _ => throw Unknown(resource.Name, $"bindings.{name}.{property}"),
        };
    }

    private static string Filter(ManifestResource resource, string value) => resource.Filter switch
    {
        null => value,
        "uri" => Uri.EscapeDataString(value),
        var filter => throw new ManifestException($"The filter '{filter}' of '{resource.Name}' is unknown."),
    };

    private static ManifestException Unknown(string resource, string path) =>
        new($"No Kubernetes value for the placeholder {{{resource}.{path}}}.");

    [GeneratedRegex(@"\{(?<resource>[^{}.]+)\.(?<path>[^{}]+)\}")]
    private static partial Regex Placeholder();
}
