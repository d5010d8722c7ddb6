using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Platform.Kubernetes;

/// <summary>The resources of an Aspire manifest (<c>aspire-manifest.json</c>), in the manifest's order.</summary>
public sealed partial record AspireManifest(IReadOnlyList<ManifestResource> Resources)
{
    public const string Parameter = "parameter.v0";
    public const string Container = "container.v0";
    public const string Value = "value.v0";
    public const string Project = "project.v0";
    public const string AnnotatedString = "annotated.string";

    private static readonly string[] KnownTypes = [Parameter, Container, Value, Project, AnnotatedString];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static AspireManifest Load(string path) => Parse(File.ReadAllText(path));

    public static AspireManifest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestException("The manifest has no 'resources' object.");
        }
        return new AspireManifest([.. resources.EnumerateObject().Select(resource =>
        {
            var parsed = Deserialize(resource);
            return KnownTypes.Contains(parsed.Type)
                ? parsed
                : throw new ManifestException($"Resource '{resource.Name}' has type '{parsed.Type}', which has no Kubernetes form.");
        })]);
    }

    public ManifestResource Resource(string name) =>
        Resources.SingleOrDefault(resource => resource.Name == name)
        ?? throw new ManifestException($"The manifest has no resource '{name}'.");

    public IEnumerable<ManifestResource> OfType(string type) => Resources.Where(resource => resource.Type == type);

    /// <summary>The value.v0 resources that name a database on a server: <c>{server.connectionString};Database=name</c>.</summary>
    public IEnumerable<(string Name, string Server)> Databases() =>
        OfType(Value)
            .Select(resource => Database().Match(resource.ConnectionString ?? ""))
            .Where(match => match.Success)
            .Select(match => (match.Groups["name"].Value, match.Groups["server"].Value));

    private static ManifestResource Deserialize(JsonProperty resource)
    {
        try
        {
            return resource.Value.Deserialize<ManifestResource>(Options)! with { Name = resource.Name };
        }
        catch (JsonException exception)
        {
            throw new ManifestException($"Resource '{resource.Name}' cannot be read: {exception.Message}");
        }
    }

    [GeneratedRegex(@"^\{(?<server>[^{}.]+)\.connectionString\};Database=(?<name>[^;{}]+)$")]
    private static partial Regex Database();
}

public sealed record ManifestResource
{
    [JsonIgnore]
    public string Name { get; init; } = "";

    public required string Type { get; init; }
    public string? ConnectionString { get; init; }
    public string? Value { get; init; }
    public string? Filter { get; init; }
    public string? Path { get; init; }
    public string? Image { get; init; }
    public string? Entrypoint { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];
    public OrderedDictionary<string, string> Env { get; init; } = [];
    public OrderedDictionary<string, ManifestBinding> Bindings { get; init; } = [];
    public IReadOnlyList<ManifestVolume> Volumes { get; init; } = [];
    public OrderedDictionary<string, ManifestInput> Inputs { get; init; } = [];
}

public sealed record ManifestBinding(string Scheme, string Protocol, string Transport, int? Port = null, int? TargetPort = null, bool External = false);

public sealed record ManifestVolume(string Name, string Target, bool ReadOnly = false);

public sealed record ManifestInput(string Type, bool Secret = false);
