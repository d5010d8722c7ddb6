using Platform.AppHost.Development;

namespace Platform.AppHost.LocalServers;

public static class LocalRedisExtensions
{
    /// <summary>
    /// Adds Redis as an executable resource: <c>redis-server</c> on loopback with a password and append-only persistence
    /// in <paramref name="dataDirectory"/>, healthy once it answers PING.
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password, string dataDirectory, int? port)
    {
        Directory.CreateDirectory(dataDirectory);
        var server = new LocalRedisResource(name, ServerBinaries.Redis(), dataDirectory, password.Resource);

        var connectionString = KnownConnectionString.Of(builder, server);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, cancellationToken) =>
        {
            var settings = $"""
                requirepass {await server.Password.GetValueAsync(cancellationToken)}
                bind 127.0.0.1 -::1
                dir {dataDirectory}
                appendonly yes
                save 60 1
                daemonize no
                logfile ""
                """;
            OwnerOnlyFile.Write(server.ConfigurationFile, settings + "\n");
        });

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(_ => connectionString.Value, name: healthCheck);

        return builder.AddResource(server)
            .WithEndpoint(port: port, name: LocalServerResource.EndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add(server.ConfigurationFile);
                context.Args.Add("--port");
                context.Args.Add(server.Endpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthCheck)
            .WithIconName("DatabaseLightning")
            .ExcludeFromManifest();
    }
}
