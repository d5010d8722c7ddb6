using Platform.AppHost.Model;

namespace Platform.AppHost.Kubernetes;

/// <summary>
/// PostgreSQL and Redis as StatefulSets with a volume claim each, for clusters without managed services, and the Job
/// that creates the databases (Kubernetes creates none: spec/aspire-contract.md §4.6).
/// </summary>
public static class DataObjects
{
    public const string PostgresImage = "postgres:15";
    public const string RedisImage = "redis:7";

    /// <summary>The Secret both the PostgreSQL server and the database Job read: <c>PGHOST</c>, <c>PGPORT</c>, <c>PGUSER</c>, <c>PGPASSWORD</c>.</summary>
    public static string PostgresSecret(PlatformModel model) => $"{model.Postgres.Name}-secrets";

    public static string RedisSecret(PlatformModel model) => $"{model.Redis.Name}-secrets";

    public static YamlMap PostgresStatefulSet(PlatformModel model) => StatefulSet(
        model.Postgres.Name, PostgresImage, PostgresServerResource.Port, "/var/lib/postgresql/data",
        command: null,
        env:
        [
            new YamlMap { { "name", "POSTGRES_USER" }, { "value", "postgres" } },
            SecretEnv("POSTGRES_PASSWORD", PostgresSecret(model), "PGPASSWORD"),
            // The claim's root holds lost+found, which initdb refuses.
            new YamlMap { { "name", "PGDATA" }, { "value", "/var/lib/postgresql/data/pgdata" } },
        ]);

    public static YamlMap RedisStatefulSet(PlatformModel model) => StatefulSet(
        model.Redis.Name, RedisImage, RedisResource.Port, "/data",
        command: ["redis-server", "--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes"],
        env: [SecretEnv("REDIS_PASSWORD", RedisSecret(model), "REDIS_PASSWORD")]);

    public static YamlMap Service(string name, int port) => new()
    {
        { "apiVersion", "v1" },
        { "kind", "Service" },
        { "metadata", ProjectObjects.Metadata(name) },
        {
            "spec", new YamlMap
            {
                { "type", "ClusterIP" },
                { "selector", ProjectObjects.Labels(name) },
                { "ports", new object[] { new YamlMap { { "name", "tcp" }, { "port", port }, { "targetPort", "tcp" } } } },
            }
        },
    };

    public static YamlMap DatabaseJob(PlatformModel model)
    {
        var databases = string.Join(' ', model.Databases.Select(database => database.Name));
        var script = $$"""
            until pg_isready; do sleep 2; done
            for db in {{databases}}; do
              psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || psql -d postgres -c "CREATE DATABASE \"$db\""
            done
            """;
        return new YamlMap
        {
            { "apiVersion", "batch/v1" },
            { "kind", "Job" },
            { "metadata", ProjectObjects.Metadata("create-databases") },
            {
                "spec", new YamlMap
                {
                    { "backoffLimit", 10 },
                    {
                        "template", new YamlMap
                        {
                            { "metadata", new YamlMap { { "labels", ProjectObjects.Labels("create-databases") } } },
                            {
                                "spec", new YamlMap
                                {
                                    { "restartPolicy", "OnFailure" },
                                    {
                                        "containers", new object[]
                                        {
                                            new YamlMap
                                            {
                                                { "name", "psql" },
                                                { "image", PostgresImage },
                                                { "command", new object[] { "sh", "-c", script } },
                                                { "envFrom", new object[] { new YamlMap { { "secretRef", new YamlMap { { "name", PostgresSecret(model) } } } } } },
                                                { "resources", Resources("100m", "128Mi") },
                                            },
                                        }
                                    },
                                }
                            },
                        }
                    },
                }
            },
        };
    }

    private static YamlMap StatefulSet(string name, string image, int port, string dataPath, IEnumerable<object>? command, IEnumerable<object> env) => new()
    {
        { "apiVersion", "apps/v1" },
        { "kind", "StatefulSet" },
        { "metadata", ProjectObjects.Metadata(name) },
        {
            "spec", new YamlMap
            {
                { "serviceName", name },
                { "replicas", 1 },
                { "selector", new YamlMap { { "matchLabels", ProjectObjects.Labels(name) } } },
                {
                    "template", new YamlMap
                    {
                        { "metadata", new YamlMap { { "labels", ProjectObjects.Labels(name) } } },
                        {
                            "spec", new YamlMap
                            {
                                {
                                    "containers", new object[]
                                    {
                                        new YamlMap
                                        {
                                            { "name", name },
                                            { "image", image },
                                            { "command", command?.ToArray() },
                                            { "ports", new object[] { new YamlMap { { "name", "tcp" }, { "containerPort", port } } } },
                                            { "env", env.ToArray() },
                                            { "resources", Resources("1", "1Gi") },
                                            { "volumeMounts", new object[] { new YamlMap { { "name", "data" }, { "mountPath", dataPath } } } },
                                        },
                                    }
                                },
                            }
                        },
                    }
                },
                {
                    "volumeClaimTemplates", new object[]
                    {
                        new YamlMap
                        {
                            { "metadata", new YamlMap { { "name", "data" } } },
                            {
                                "spec", new YamlMap
                                {
                                    { "accessModes", new object[] { "ReadWriteOnce" } },
                                    { "resources", new YamlMap { { "requests", new YamlMap { { "storage", "1Gi" } } } } },
                                }
                            },
                        },
                    }
                },
            }
        },
    };

    private static YamlMap SecretEnv(string name, string secret, string key) => new()
    {
        { "name", name },
        { "valueFrom", new YamlMap { { "secretKeyRef", new YamlMap { { "name", secret }, { "key", key } } } } },
    };

    private static YamlMap Resources(string cpuLimit, string memoryLimit) => new()
    {
        { "requests", new YamlMap { { "cpu", "100m" }, { "memory", "128Mi" } } },
        { "limits", new YamlMap { { "cpu", cpuLimit }, { "memory", memoryLimit } } },
    };
}
