namespace Platform.Kubernetes;

/// <summary>
/// The Job that creates the roles and databases (<see cref="DatabaseScript"/>), as Kubernetes creates none. It connects
/// as the superuser of the server's Secret and reads each role's password from that project's Secret, the same value
/// the project connects with, so the operator writes each password once per env file.
/// </summary>
public static class DatabaseJob
{
    public const string Name = "create-databases";

    /// <summary>The ConfigMap of <see cref="DatabaseScript"/>, which the Job mounts.</summary>
    public const string ScriptConfigMap = $"{Name}-sql";

    private const string ScriptDirectory = "/scripts";

    /// <summary>Refuses to run while any variable still holds the examples' placeholder, then waits for the server.</summary>
    private const string Command = $"""
        placeholders=$(env | grep {Placeholders.SecretValue} | cut -d= -f1 | tr '\n' ' ')
        if [ -n "$placeholders" ]; then echo "{Name}: these variables still hold '{Placeholders.SecretValue}': $placeholders" >&2; exit 1; fi
        until pg_isready; do sleep 2; done
        exec psql -d postgres -f {ScriptDirectory}/{DatabaseScript.FileName}
        """;

    public static YamlMap Job(DatabaseRoles roles)
    {
        var image = DataObjects.Image(roles.Server);
        return new YamlMap
        {
            { "apiVersion", "batch/v1" },
            { "kind", "Job" },
            { "metadata", ProjectObjects.Metadata(Name) },
            {
                "spec", new YamlMap
                {
                    { "backoffLimit", 10 },
                    {
                        "template", new YamlMap
                        {
                            { "metadata", new YamlMap { { "labels", ProjectObjects.Labels(Name) } } },
                            {
                                "spec", new YamlMap
                                {
                                    { "restartPolicy", "OnFailure" },
                                    { "automountServiceAccountToken", false },
                                    { "securityContext", PodSecurity.Pod(ServerImage.For(image).User) },
                                    {
                                        "containers", new object[]
                                        {
                                            new YamlMap
                                            {
                                                { "name", "psql" },
                                                { "image", image },
                                                { "command", new object[] { "sh", "-c", Command } },
                                                // The superuser's libpq variables; each role's password below.
                                                {
                                                    "envFrom", new object[]
                                                    {
                                                        new YamlMap { { "secretRef", new YamlMap { { "name", DataObjects.Secret(roles.Server) } } } },
                                                    }
                                                },
                                                { "env", roles.Roles.Select(RolePassword).ToArray() },
                                                { "resources", DataObjects.Resources("100m", "128Mi") },
                                                { "securityContext", PodSecurity.Container() },
                                                {
                                                    "volumeMounts", new object[]
                                                    {
                                                        new YamlMap { { "name", "scripts" }, { "mountPath", ScriptDirectory }, { "readOnly", true } },
                                                    }
                                                },
                                            },
                                        }
                                    },
                                    {
                                        "volumes", new object[]
                                        {
                                            new YamlMap { { "name", "scripts" }, { "configMap", new YamlMap { { "name", ScriptConfigMap } } } },
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

    private static object RolePassword(DatabaseRole role) => new YamlMap
    {
        { "name", role.PasswordVariable },
        {
            "valueFrom", new YamlMap
            {
                { "secretKeyRef", new YamlMap { { "name", $"{role.Name}-secrets" }, { "key", role.PasswordKey } } },
            }
        },
    };
}
