using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.AppHost.Model;

namespace Platform.AppHost.Publishing;

/// <summary>
/// Writes the platform model as an Aspire manifest (<c>aspire-8.0</c> schema, Aspire 9.5 shapes), which deployment
/// tools such as Aspir8 read. Field order and env order follow what Aspire itself writes (spec/aspire-contract.md §1).
/// </summary>
public static class ManifestWriter
{
    public const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";
    private const string AppName = "apphost";

    public static void Write(PlatformModel model, Stream output, string manifestDirectory, string repositoryRoot)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUrl);
        json.WriteStartObject("resources");
        foreach (var resource in model.Resources)
        {
            json.WriteStartObject(resource.Name);
            switch (resource)
            {
                case PostgresServerResource postgres: WritePostgres(json, postgres); break;
                case PostgresDatabaseResource database: WriteDatabase(json, database); break;
                case RedisResource redis: WriteRedis(json, redis); break;
                case ProjectResource project: WriteProject(json, project, manifestDirectory, repositoryRoot); break;
                case ParameterResource parameter: WriteParameter(json, parameter); break;
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePostgres(Utf8JsonWriter json, PostgresServerResource postgres)
    {
        json.WriteString("type", "container.v0");
        json.WriteString("connectionString", postgres.ConnectionStringExpression);
        json.WriteString("image", PostgresServerResource.Image);
        WriteVolume(json, postgres.Name, "/var/lib/postgresql/data");
        WriteEnv(json,
        [
            ("POSTGRES_HOST_AUTH_METHOD", "scram-sha-256"),
            ("POSTGRES_INITDB_ARGS", "--auth-host=scram-sha-256 --auth-local=scram-sha-256"),
            ("POSTGRES_USER", "postgres"),
            ("POSTGRES_PASSWORD", $"{{{postgres.Password.Name}.value}}"),
        ]);
        WriteTcpBinding(json, PostgresServerResource.Port);
    }

    private static void WriteDatabase(Utf8JsonWriter json, PostgresDatabaseResource database)
    {
        json.WriteString("type", "value.v0");
        json.WriteString("connectionString", database.ConnectionStringExpression);
    }

    private static void WriteRedis(Utf8JsonWriter json, RedisResource redis)
    {
        json.WriteString("type", "container.v0");
        json.WriteString("connectionString", redis.ConnectionStringExpression);
        json.WriteString("image", RedisResource.Image);
        json.WriteString("entrypoint", "/bin/sh");
        json.WriteStartArray("args");
        json.WriteStringValue("-c");
        json.WriteStringValue("redis-server --requirepass $REDIS_PASSWORD --save 60 1");
        json.WriteEndArray();
        WriteVolume(json, redis.Name, "/data");
        WriteEnv(json, [("REDIS_PASSWORD", $"{{{redis.Password.Name}.value}}")]);
        WriteTcpBinding(json, RedisResource.Port);
    }

    private static void WriteProject(Utf8JsonWriter json, ProjectResource project, string manifestDirectory, string repositoryRoot)
    {
        json.WriteString("type", "project.v0");
        var projectFile = Path.Combine(repositoryRoot, project.ProjectPath);
        json.WriteString("path", Path.GetRelativePath(manifestDirectory, projectFile).Replace('\\', '/'));
        WriteEnv(json, ProjectEnvironment.ForPublish(project));
        json.WriteStartObject("bindings");
        json.WriteStartObject("http");
        json.WriteString("scheme", "http");
        json.WriteString("protocol", "tcp");
        json.WriteString("transport", "http");
        if (project.ExternalHttp)
        {
            json.WriteBoolean("external", true);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter json, ParameterResource parameter)
    {
        json.WriteString("type", "parameter.v0");
        json.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        json.WriteStartObject("inputs");
        json.WriteStartObject("value");
        json.WriteString("type", "string");
        if (parameter.Secret)
        {
            json.WriteBoolean("secret", true);
        }
        json.WriteStartObject("default");
        json.WriteStartObject("generate");
        json.WriteNumber("minLength", parameter.MinLength);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteVolume(Utf8JsonWriter json, string resource, string target)
    {
        json.WriteStartArray("volumes");
        json.WriteStartObject();
        json.WriteString("name", VolumeName(resource));
        json.WriteString("target", target);
        json.WriteBoolean("readOnly", false);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>Aspire's publish-mode volume name: app name, a hash of the AppHost project file name, the resource.</summary>
    public static string VolumeName(string resource)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("AppHost.csproj")))[..10];
        return $"{AppName}-{hash}-{resource}-data";
    }

    private static void WriteEnv(Utf8JsonWriter json, IEnumerable<(string Key, string Value)> variables)
    {
        json.WriteStartObject("env");
        foreach (var (key, value) in variables)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
    }

    private static void WriteTcpBinding(Utf8JsonWriter json, int targetPort)
    {
        json.WriteStartObject("bindings");
        json.WriteStartObject("tcp");
        json.WriteString("scheme", "tcp");
        json.WriteString("protocol", "tcp");
        json.WriteString("transport", "tcp");
        json.WriteNumber("targetPort", targetPort);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
