using System.Text.RegularExpressions;

namespace Platform.Kubernetes;

/// <summary>
/// The PostgreSQL roles the projects connect as, so that no service holds the server's superuser: one per project whose
/// env names the database server, named after the project. A role owns the databases its project references; a role
/// that owns none only reads the server's state (health) and is a member of <c>pg_monitor</c>. The create-databases
/// Job creates them (<see cref="DatabaseScript"/>).
/// </summary>
public sealed partial class DatabaseRoles
{
    private readonly Placeholders references;

    private DatabaseRoles(Placeholders references, ManifestResource server, IReadOnlyList<DatabaseRole> roles)
    {
        this.references = references;
        Server = server;
        Roles = roles;
    }

    public ManifestResource Server { get; }

    /// <summary>The user of the server's own connection string, which only the server and the create-databases Job use.</summary>
    public string Superuser => DataObjects.User(Server);

    public IReadOnlyList<DatabaseRole> Roles { get; }

    /// <summary>The roles of the manifest's projects, or <see langword="null"/> when the manifest has no databases.</summary>
    public static DatabaseRoles? For(AspireManifest manifest)
    {
        var databases = manifest.Databases().ToList();
        if (databases.Count == 0)
        {
            return null;
        }
        var servers = databases.Select(database => database.Server).Distinct().ToList();
        if (servers is not [var name] || manifest.Resource(name) is not { Type: AspireManifest.Container } server)
        {
            throw new ManifestException($"The databases must all be on one container; they are on {string.Join(", ", servers)}.");
        }

        var references = new Placeholders(manifest, resource => resource);
        var password = server.Env.Values.FirstOrDefault(references.IsParameter);
        var roles = manifest.OfType(AspireManifest.Project)
            .Select(project => (
                Project: project,
                Reached: project.Env.Values.SelectMany(references.ResourcesReached).Select(resource => resource.Name).ToHashSet()))
            .Where(project => project.Reached.Contains(server.Name))
            .Select(project => new DatabaseRole(
                project.Project.Name,
                [.. databases.Select(database => database.Name).Where(project.Reached.Contains)],
                PasswordKey(project.Project, server, password)))
            .ToList();
        foreach (var (database, _) in databases)
        {
            var owners = roles.Where(role => role.Databases.Contains(database)).Select(role => role.Name).ToList();
            if (owners.Count != 1)
            {
                throw new ManifestException(owners.Count == 0
                    ? $"No project uses the database '{database}', so it has no owner."
                    : $"The database '{database}' is used by {string.Join(", ", owners)}; a database has one owner.");
            }
        }
        return new DatabaseRoles(references, server, roles);
    }

    public DatabaseRole? Role(string project) => Roles.SingleOrDefault(role => role.Name == project);

    /// <summary>
    /// A project's env value (<paramref name="resolved"/> from <paramref name="expression"/>) as its role connects:
    /// a <c>*_USERNAME</c>, a connection string's user and a URI's user name the role where they named the superuser.
    /// </summary>
    public string ConnectAs(ManifestResource project, string key, string expression, string resolved)
    {
        if (Role(project.Name) is not { } role)
        {
            return resolved;
        }
        if (key.EndsWith("_USERNAME", StringComparison.Ordinal))
        {
            return resolved == Superuser ? role.Name : resolved;
        }
        if (!references.ResourcesReached(expression).Contains(Server))
        {
            return resolved;
        }
        return UriUser().Replace(ConnectionStringUser().Replace(resolved, match => User(match, role)), match => User(match, role));
    }

    private string User(Match match, DatabaseRole role) =>
        match.Groups["user"].Value == Superuser ? match.Groups["prefix"].Value + role.Name : match.Value;

    /// <summary>The project's variable holding the server's password, which holds its role's password instead.</summary>
    private static string PasswordKey(ManifestResource project, ManifestResource server, string? password) =>
        project.Env.Where(variable => variable.Value == password).Select(variable => variable.Key).FirstOrDefault()
        ?? throw new ManifestException(
            $"The project '{project.Name}' uses '{server.Name}', but no variable of its env holds the server's password, "
            + "which its own role's password would replace.");

    [GeneratedRegex(@"(?<prefix>(?:^|;)\s*(?:Username|User Name|User ?ID|UID)\s*=\s*)(?<user>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringUser();

    /// <summary>The user of a URI's user information (<c>scheme://user:password@host</c>), never its host.</summary>
    [GeneratedRegex(@"^(?<prefix>[A-Za-z][A-Za-z0-9+.-]*://)(?<user>[^:@/]*)(?=(?::[^@/]*)?@)")]
    private static partial Regex UriUser();
}

/// <summary>A project's PostgreSQL role, the databases it owns, and the variable of the project's Secret holding its password.</summary>
public sealed record DatabaseRole(string Name, IReadOnlyList<string> Databases, string PasswordKey)
{
    /// <summary>A role that owns no database only reads the server's state.</summary>
    public bool Monitors => Databases.Count == 0;

    /// <summary>The create-databases Job's variable holding the role's password, read from the project's Secret.</summary>
    public string PasswordVariable => $"{Name.ToUpperInvariant().Replace('-', '_')}_ROLE_PASSWORD";
}
