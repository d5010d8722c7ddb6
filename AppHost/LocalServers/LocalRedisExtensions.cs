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

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, cancellationToken) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken));
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
            await File.WriteAllTextAsync(server.ConfigurationFile, "", cancellationToken);
            File.SetUnixFileMode(server.ConfigurationFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await File.WriteAllTextAsync(server.ConfigurationFile, settings + "\n", cancellationToken);
        });

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException("The connection string is not known yet."), name: healthCheck);

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
