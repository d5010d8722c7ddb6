namespace Platform.AppHost.LocalServers;

/// <summary>A <c>redis-server</c> run from the machine's binaries, with the connection string Aspire's Redis resource has.</summary>
public sealed class LocalRedisResource(string name, string command, string dataDirectory, ParameterResource password)
    : LocalServerResource(name, command, dataDirectory, password)
{
    /// <summary>The server's settings, written before each start so that the password never appears in its arguments.</summary>
    public string ConfigurationFile => Path.Combine(DataDirectory, "redis.conf");

    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{Endpoint.Property(EndpointProperty.Host)}:{Endpoint.Property(EndpointProperty.Port)},password={Password}");
}
