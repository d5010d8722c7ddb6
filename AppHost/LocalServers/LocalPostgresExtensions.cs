using Platform.AppHost.Development;

namespace Platform.AppHost.LocalServers;

public static class LocalPostgresExtensions
{
    /// <summary>
    /// Adds PostgreSQL as an executable resource: <c>initdb</c> as a one-shot resource on first use, then <c>postgres</c>
    /// on a port of DCP's choosing behind the resource's endpoint, healthy once <c>SELECT 1</c> answers.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password, string dataDirectory, int? port)
    {
        var (command, asServerUser) = ServerAccount.Run(ServerBinaries.Postgres("postgres"));
        var server = new LocalPostgresResource(name, command, dataDirectory, password.Resource);

        var connectionString = KnownConnectionString.Of(builder, server);
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (@event, cancellationToken) =>
        {
            await DatabaseCreator.CreateMissingAsync(connectionString.Value, server.Databases.Select(database => database.Name), cancellationToken);
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in server.Databases)
            {
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
            }
        });

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => connectionString.Value + ";Database=postgres", name: healthCheck);

        var resource = builder.AddResource(server)
            .WithEndpoint(port: port, name: LocalServerResource.EndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                foreach (var argument in asServerUser)
                {
                    context.Args.Add(argument);
                }
                context.Args.Add("-D");
                context.Args.Add(dataDirectory);
                context.Args.Add("-p");
                context.Args.Add(server.Endpoint.Property(EndpointProperty.TargetPort));
                // No Unix socket: several clusters on one machine never clash over /var/run/postgresql.
                foreach (var setting in (string[])["listen_addresses=localhost", "unix_socket_directories=", "max_connections=400"])
                {
                    context.Args.Add("-c");
                    context.Args.Add(setting);
                }
            })
            .WithHealthCheck(healthCheck)
            .WithIconName("DatabaseStack")
            .ExcludeFromManifest();

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            resource.WaitForCompletion(builder.AddInitdb(server));
        }
        return resource;
    }

    /// <summary>
    /// Adds a database that is created on the server as soon as the server is healthy; it is Running from then on (Aspire
    /// passes a parent's state on to the databases of container servers only).
    /// </summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresResource> server, string name)
    {
        var database = new LocalPostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);

        var connectionString = KnownConnectionString.Of(server.ApplicationBuilder, database);
        var healthCheck = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(_ => connectionString.Value, name: healthCheck);

        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabaseResource",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithHealthCheck(healthCheck)
            .ExcludeFromManifest();
    }

    /// <summary>
    /// <c>initdb</c> of an empty data directory, as the server's user, with the password from a file that only that user can
    /// read and that is deleted once the server is up.
    /// </summary>
    private static IResourceBuilder<ExecutableResource> AddInitdb(this IDistributedApplicationBuilder builder, LocalPostgresResource server)
    {
        var dataDirectory = server.DataDirectory;
        var passwordFile = dataDirectory.TrimEnd('/') + ".pwfile";
        var parent = Path.GetDirectoryName(dataDirectory.TrimEnd('/'))!;
        Directory.CreateDirectory(parent);

        var (command, asServerUser) = ServerAccount.Run(ServerBinaries.Postgres("initdb"));
        var init = builder.AddExecutable(
                $"{server.Name}-init", command, parent,
                [.. asServerUser, "-D", dataDirectory, "-U", "postgres", "-A", "scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C"])
            .WithParentRelationship(server)
            .ExcludeFromManifest();

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(init.Resource, async (_, cancellationToken) =>
        {
            Directory.CreateDirectory(dataDirectory);
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var password = await server.Password.GetValueAsync(cancellationToken);
            OwnerOnlyFile.Write(passwordFile, password ?? "");
            if (ServerAccount.IsRoot)
            {
                await ServerAccount.GiveToServerUserAsync([dataDirectory, passwordFile], cancellationToken);
            }
        });
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, (_, _) =>
        {
            File.Delete(passwordFile);
            return Task.CompletedTask;
        });
        return init;
    }
}
