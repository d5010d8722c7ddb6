namespace Platform.AppHost.LocalServers;

/// <summary>A PostgreSQL server run from the machine's binaries, referenced like Aspire's container resource.</summary>
public sealed class LocalPostgresResource(string name, string command, string dataDirectory, ParameterResource password)
    : LocalServerResource(name, command, dataDirectory, password)
{
    /// <summary>The databases to create once the server answers.</summary>
    public List<LocalPostgresDatabaseResource> Databases { get; } = [];

    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password}");
}
