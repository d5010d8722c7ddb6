using System.Text;

namespace Platform.Kubernetes;

/// <summary>
/// The SQL that the create-databases Job runs with psql as the superuser: each role with its password, its databases
/// owned by it and closed to everyone else, and the tables the superuser created before the roles existed handed to
/// their database's owner. psql reads each password from the Job's env (<c>\getenv</c>) and quotes it itself
/// (<c>:'name'</c>), so no password is on a command line. Every statement can run again: rerunning the Job applies
/// changed passwords.
/// </summary>
public static class DatabaseScript
{
    public const string FileName = "create-databases.sql";

    public static string For(DatabaseRoles roles)
    {
        var script = new StringBuilder($"-- {KubernetesTree.Generated}\n\\set ON_ERROR_STOP on\n");
        foreach (var role in roles.Roles)
        {
            var name = Identifier(role.Name);
            var password = role.PasswordVariable.ToLowerInvariant();
            script.Append($"""

                -- {role.Name} {(role.Monitors ? "owns no database: it reads the server's state" : $"owns {string.Join(", ", role.Databases)}")}.
                \getenv {password} {role.PasswordVariable}
                SELECT {Literal($"CREATE ROLE {name}")} WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {Literal(role.Name)}) \gexec
                ALTER ROLE {name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'{password}';

                """);
            if (role.Monitors)
            {
                script.Append($"GRANT pg_monitor TO {name};\n");
            }
            foreach (var database in role.Databases)
            {
                var quoted = Identifier(database);
                script.Append($"""
                    SELECT {Literal($"CREATE DATABASE {quoted} OWNER {name}")} WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = {Literal(database)}) \gexec
                    ALTER DATABASE {quoted} OWNER TO {name};
                    REVOKE ALL ON DATABASE {quoted} FROM PUBLIC;
                    \connect {quoted}
                    SELECT format('ALTER TABLE public.%I OWNER TO %I', tablename, {Literal(role.Name)}) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user \gexec
                    \connect postgres

                    """);
            }
        }
        return script.ToString();
    }

    private static string Identifier(string name) => $"\"{name.Replace("\"", "\"\"")}\"";

    private static string Literal(string text) => $"'{text.Replace("'", "''")}'";
}
