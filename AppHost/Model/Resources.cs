namespace Platform.AppHost.Model;

/// <summary>A named part of the platform, as in Aspire's application model.</summary>
public abstract record Resource(string Name);

/// <summary>A resource that others reference through <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    /// <summary>The connection string in manifest placeholder form.</summary>
    string ConnectionStringExpression { get; }
}

/// <summary>A value supplied at deployment; secrets are generated when not given.</summary>
public sealed record ParameterResource(string Name, bool Secret, int MinLength) : Resource(Name);

public sealed record PostgresServerResource(string Name, ParameterResource Password)
    : Resource(Name), IResourceWithConnectionString
{
    public const string Image = "docker.io/library/postgres:17.6";
    public const int Port = 5432;

    public string ConnectionStringExpression =>
        $"Host={{{Name}.bindings.tcp.host}};Port={{{Name}.bindings.tcp.port}};Username=postgres;Password={{{Password.Name}.value}}";
}

public sealed record PostgresDatabaseResource(string Name, PostgresServerResource Server)
    : Resource(Name), IResourceWithConnectionString
{
    public string ConnectionStringExpression => $"{{{Server.Name}.connectionString}};Database={Name}";
}

public sealed record RedisResource(string Name, ParameterResource Password)
    : Resource(Name), IResourceWithConnectionString
{
    public const string Image = "docker.io/library/redis:8.2";
    public const int Port = 6379;

    public string ConnectionStringExpression =>
        $"{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}},password={{{Password.Name}.value}}";
}

/// <summary>A .NET project with one http endpoint; <see cref="References"/> are in call order, as Aspire writes them.</summary>
public sealed record ProjectResource(string Name, string ProjectPath, IReadOnlyList<Resource> References, bool ExternalHttp)
    : Resource(Name)
{
    /// <summary>The assembly name, which is the project file's name.</summary>
    public string AssemblyName => Path.GetFileNameWithoutExtension(ProjectPath);
}
