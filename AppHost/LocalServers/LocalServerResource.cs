namespace Platform.AppHost.LocalServers;

/// <summary>
/// A data server run from the machine's binaries: one TCP endpoint on a port of DCP's choosing, a password parameter, and
/// a data directory that is also its working directory.
/// </summary>
public abstract class LocalServerResource(string name, string command, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    private EndpointReference? _endpoint;

    public EndpointReference Endpoint => _endpoint ??= new(this, EndpointName);

    public ParameterResource Password { get; } = password;

    public string DataDirectory { get; } = dataDirectory;

    public abstract ReferenceExpression ConnectionStringExpression { get; }
}
