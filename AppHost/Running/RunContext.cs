namespace Platform.AppHost.Running;

/// <summary>The resolved values that fill a project's run-time environment.</summary>
public sealed class RunContext(IReadOnlyDictionary<string, int> ports, string? otlpEndpoint, string otlpProtocol)
{
    /// <summary>The run's API key and identity secret; without them (tests of the environment contract) nothing is added.</summary>
    public DevelopmentSecrets? Secrets { get; set; }

    private readonly Dictionary<string, string> _connectionStrings = [];
    private readonly Dictionary<string, string> _instanceIds = [];

    /// <summary>Settings given to every project after the model's own, from <c>AppHost:Environment</c>.</summary>
    public IReadOnlyDictionary<string, string> SharedEnvironment { get; init; } = new Dictionary<string, string>();

    public string? OtlpEndpoint { get; } = otlpEndpoint;

    public string OtlpProtocol { get; } = otlpProtocol;

    public string Url(string resource) => $"http://localhost:{ports[resource]}";

    public int Port(string resource) => ports[resource];

    public string ConnectionString(string resource) =>
        _connectionStrings.TryGetValue(resource, out var value)
            ? value
            : throw new InvalidOperationException($"No connection string is known for '{resource}'.");

    public void SetConnectionString(string resource, string value) => _connectionStrings[resource] = value;

    /// <summary>Aspire's replica suffix: eight random lowercase letters, fixed per resource for this run.</summary>
    public string InstanceId(string resource)
    {
        if (!_instanceIds.TryGetValue(resource, out var id))
        {
            id = string.Create(8, Random.Shared, (letters, random) =>
            {
                for (var index = 0; index < letters.Length; index++)
                {
                    letters[index] = (char)('a' + random.Next(26));
                }
            });
            _instanceIds[resource] = id;
        }
        return id;
    }
}
