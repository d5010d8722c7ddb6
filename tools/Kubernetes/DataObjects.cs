namespace Platform.Kubernetes;

/// <summary>
/// The manifest's containers (PostgreSQL, Redis) as StatefulSets with a volume claim per volume, for clusters without
/// managed services, and the Secret of the database server that the create-databases Job reads.
/// </summary>
public static class DataObjects
{
    /// <summary>The password among the libpq variables (<c>PGHOST</c>, ...) of the database server's Secret, which the database Job reads.</summary>
    public const string PasswordKey = "PGPASSWORD";

    public static string Secret(ManifestResource server) => $"{server.Name}-secrets";

    public static YamlMap StatefulSet(ManifestResource container, Placeholders placeholders, bool holdsDatabases)
    {
        var image = Image(container);
        var server = ServerImage.For(image);
        var claims = container.Volumes.Select((volume, index) => (Name: index == 0 ? "data" : $"data-{index}", Volume: volume)).ToList();
        var (liveness, readiness) = Probes(container, server);
        return new YamlMap
        {
            { "apiVersion", "apps/v1" },
            { "kind", "StatefulSet" },
            { "metadata", ProjectObjects.Metadata(container.Name) },
            {
                "spec", new YamlMap
                {
                    { "serviceName", container.Name },
                    { "replicas", 1 },
                    { "selector", new YamlMap { { "matchLabels", ProjectObjects.Labels(container.Name) } } },
                    {
                        "template", new YamlMap
                        {
                            { "metadata", new YamlMap { { "labels", ProjectObjects.Labels(container.Name) } } },
                            {
                                "spec", new YamlMap
                                {
                                    { "automountServiceAccountToken", false },
                                    { "securityContext", PodSecurity.Pod(server.User) },
                                    {
                                        "containers", new object[]
                                        {
                                            new YamlMap
                                            {
                                                { "name", container.Name },
                                                { "image", image },
                                                { "command", container.Entrypoint is { } entrypoint ? new object[] { entrypoint } : null },
                                                { "args", container.Args.Count > 0 ? container.Args.ToArray<object>() : null },
                                                { "ports", Ports(container).Select(port => (object)new YamlMap { { "name", port.Name }, { "containerPort", port.Port } }).ToArray() },
                                                { "env", container.Env.Select(variable => (object)Env(container, placeholders, holdsDatabases, variable.Key, variable.Value)).ToArray() },
                                                { "resources", Resources("1", "1Gi") },
                                                { "livenessProbe", liveness },
                                                { "readinessProbe", readiness },
                                                { "securityContext", PodSecurity.Container() },
                                                {
                                                    "volumeMounts", NullIfEmpty(
                                                    [
                                                        .. claims.Select(claim => (object)new YamlMap
                                                        {
                                                            { "name", claim.Name },
                                                            { "mountPath", claim.Volume.Target },
                                                            { "readOnly", claim.Volume.ReadOnly ? true : null },
                                                        }),
                                                        .. PodSecurity.Mounts(server.WritableDirectories),
                                                    ])
                                                },
                                            },
                                        }
                                    },
                                    { "volumes", NullIfEmpty([.. PodSecurity.Volumes(server.WritableDirectories)]) },
                                }
                            },
                        }
                    },
                    {
                        "volumeClaimTemplates", claims.Count > 0
                            ? claims.Select(claim => (object)new YamlMap
                            {
                                { "metadata", new YamlMap { { "name", claim.Name } } },
                                {
                                    "spec", new YamlMap
                                    {
                                        { "accessModes", new object[] { "ReadWriteOnce" } },
                                        { "resources", new YamlMap { { "requests", new YamlMap { { "storage", "1Gi" } } } } },
                                    }
                                },
                            }).ToArray()
                            : null
                    },
                }
            },
        };
    }

    public static YamlMap Service(ManifestResource container) => new()
    {
        { "apiVersion", "v1" },
        { "kind", "Service" },
        { "metadata", ProjectObjects.Metadata(container.Name) },
        {
            "spec", new YamlMap
            {
                { "type", "ClusterIP" },
                { "selector", ProjectObjects.Labels(container.Name) },
                {
                    "ports", Ports(container)
                        .Select(port => (object)new YamlMap { { "name", port.Name }, { "port", port.Port }, { "targetPort", port.Name } }).ToArray()
                },
            }
        },
    };

    /// <summary>
    /// The lines of a data server's secret env file: for the database server, the libpq variables of the database Job
    /// (its container's password reads <see cref="PasswordKey"/>); in the cluster, also the container's other secrets.
    /// </summary>
    public static IEnumerable<string> SecretExample(ManifestResource server, Placeholders placeholders, bool holdsDatabases, bool inCluster)
    {
        var binding = Ports(server).First().Name;
        return
        [
            .. holdsDatabases
                ?
                [
                    inCluster
                        ? $"# The superuser's, read only by the {server.Name} StatefulSet and the {DatabaseJob.Name} Job."
                        : $"# The superuser's, read only by the {DatabaseJob.Name} Job.",
                    $"PGHOST={placeholders.Resolve($"{{{server.Name}.bindings.{binding}.host}}")}",
                    $"PGPORT={placeholders.Resolve($"{{{server.Name}.bindings.{binding}.port}}")}",
                    $"PGUSER={User(server)}",
                    $"{PasswordKey}={Placeholders.SecretValue}",
                ]
                : Array.Empty<string>(),
            .. inCluster
                ? server.Env
                    .Where(variable => placeholders.IsSecret(variable.Value) && SecretKey(holdsDatabases, placeholders, variable.Key, variable.Value) == variable.Key)
                    .Select(variable => $"{variable.Key}={placeholders.Resolve(variable.Value)}")
                : [],
        ];
    }

    private static YamlMap Env(ManifestResource container, Placeholders placeholders, bool holdsDatabases, string name, string value) =>
        placeholders.IsSecret(value)
            ? new YamlMap
            {
                { "name", name },
                {
                    "valueFrom", new YamlMap
                    {
                        {
                            "secretKeyRef", new YamlMap
                            {
                                { "name", Secret(container) },
                                { "key", SecretKey(holdsDatabases, placeholders, name, value) },
                            }
                        },
                    }
                },
            }
            : new YamlMap { { "name", name }, { "value", placeholders.Resolve(value) } };

    /// <summary>The database server's password parameter is the Job's <see cref="PasswordKey"/>, so the operator sets it once.</summary>
    private static string SecretKey(bool holdsDatabases, Placeholders placeholders, string name, string value) =>
        holdsDatabases && placeholders.IsParameter(value) ? PasswordKey : name;

    /// <summary>
    /// Liveness and readiness by what the server answers: PostgreSQL over TCP (during initdb it listens on its socket
    /// only, so it is not ready yet), Redis to an authenticated PING, anything else to a TCP connection.
    /// </summary>
    private static (YamlMap Liveness, YamlMap Readiness) Probes(ManifestResource container, ServerImage server)
    {
        var (kind, check) = server.Name switch
        {
            "postgres" => ("exec", Command("pg_isready", "-U", User(container), "-h", "127.0.0.1")),
            "redis" => ("exec", Command("sh", "-c", "redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG")),
            _ => ("tcpSocket", new YamlMap { { "port", Ports(container).First().Name } }),
        };
        return (Probe(kind, check, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6),
            Probe(kind, check, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3));
    }

    private static YamlMap Probe(string kind, YamlMap check, int initialDelaySeconds, int periodSeconds, int timeoutSeconds, int failureThreshold) => new()
    {
        { kind, check },
        { "initialDelaySeconds", initialDelaySeconds },
        { "periodSeconds", periodSeconds },
        { "timeoutSeconds", timeoutSeconds },
        { "failureThreshold", failureThreshold },
    };

    private static YamlMap Command(params string[] command) => new() { { "command", command.ToArray<object>() } };

    public static IEnumerable<(string Name, int Port)> Ports(ManifestResource container)
    {
        var ports = container.Bindings
            .Select(binding => (binding.Key, binding.Value.TargetPort
                ?? throw new ManifestException($"The binding '{binding.Key}' of '{container.Name}' has no targetPort.")))
            .ToList();
        return ports.Count > 0 ? ports : throw new ManifestException($"The container '{container.Name}' has no binding to serve.");
    }

    /// <summary>The database server's superuser, as the PostgreSQL image names it.</summary>
    public static string User(ManifestResource server) => server.Env.GetValueOrDefault("POSTGRES_USER", "postgres");

    public static string Image(ManifestResource container) =>
        container.Image ?? throw new ManifestException($"The container '{container.Name}' has no image.");

    public static YamlMap Resources(string cpuLimit, string memoryLimit) => new()
    {
        { "requests", new YamlMap { { "cpu", "100m" }, { "memory", "128Mi" } } },
        { "limits", new YamlMap { { "cpu", cpuLimit }, { "memory", memoryLimit } } },
    };

    private static object[]? NullIfEmpty(object[] items) => items.Length > 0 ? items : null;
}
