using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Kubernetes.Tests;

/// <summary>Each service connects to PostgreSQL as its own role, which owns its database only; the superuser stays with the server and the Job.</summary>
public sealed partial class ServicesConnectAsTheirOwnDatabaseRoles
{
    private const string Superuser = "postgres";
    private const string SuperuserSecret = "postgres-secrets";

    /// <summary>The role of each service, the database it owns (none for health) and the variable holding its password.</summary>
    private static readonly (string Role, string? Database, string PasswordKey)[] Roles =
    [
        ("marketdata", "marketdatadb", "MARKETDATADB_PASSWORD"),
        ("backtests", "backtestsdb", "BACKTESTSDB_PASSWORD"),
        ("optimizations", "optimizationsdb", "OPTIMIZATIONSDB_PASSWORD"),
        ("health", null, "POSTGRES_PASSWORD"),
    ];

    public static TheoryData<string> Overlays => [.. RenderedOverlays.Overlays];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task NoConfigMapOrServiceSecretNamesTheSuperuser(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);
        var values = objects.OfKind("ConfigMap").Select(map => (map.Name(), Data: Strings(map["data"]!.AsObject())))
            .Concat(objects.OfKind("Secret").Where(secret => secret.Name() != SuperuserSecret)
                .Select(secret => (secret.Name(), Data: Strings(secret["data"]!.AsObject()).ToDictionary(pair => pair.Key, pair => Encoding.UTF8.GetString(Convert.FromBase64String(pair.Value))))))
            .SelectMany(map => map.Data.Select(pair => (Map: map.Item1, pair.Key, pair.Value)))
            .ToList();

        Assert.All(values, value => Assert.DoesNotContain(Superuser, Users(value.Key, value.Value)));
        Assert.All(Roles, role =>
        {
            var users = values
                .Where(value => value.Map == $"{role.Role}-env" || value.Map == $"{role.Role}-secrets")
                .SelectMany(value => Users(value.Key, value.Value))
                .ToList();
            // The *_USERNAME variable, the connection string and the URI.
            Assert.Equal([role.Role, role.Role, role.Role], users);
        });
    }

    [Fact]
    public void TheSecretExamplesNameTheSuperuserOnlyInTheServersOwn()
    {
        var examples = Directory.EnumerateFiles(RenderedOverlays.Tree, "*.env.example", SearchOption.AllDirectories).ToList();

        Assert.All(examples.Where(file => Path.GetFileName(file) != "postgres.env.example"), file =>
            Assert.All(File.ReadAllLines(file).Where(line => !line.StartsWith('#')), line =>
                Assert.DoesNotContain(Superuser, Users(line[..line.IndexOf('=')], line[(line.IndexOf('=') + 1)..]))));
        Assert.All(examples.Where(file => Path.GetFileName(file) == "postgres.env.example"), file =>
            Assert.Contains($"PGUSER={Superuser}", File.ReadAllLines(file)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task TheJobCreatesEachRoleWithItsPasswordAndHandsItItsDatabase(string overlay)
    {
        var script = RenderedOverlays.DatabaseScript(await RenderedOverlays.ObjectsAsync(overlay));

        Assert.All(Roles, role =>
        {
            var password = $"{role.Role}_role_password";
            Assert.Contains($"\\getenv {password} {password.ToUpperInvariant()}\n", script, StringComparison.Ordinal);
            Assert.Contains($"SELECT 'CREATE ROLE \"{role.Role}\"' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role.Role}') \\gexec\n", script, StringComparison.Ordinal);
            Assert.Contains($"ALTER ROLE \"{role.Role}\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'{password}';\n", script, StringComparison.Ordinal);
            if (role.Database is { } database)
            {
                Assert.Contains($"SELECT 'CREATE DATABASE \"{database}\" OWNER \"{role.Role}\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '{database}') \\gexec\n", script, StringComparison.Ordinal);
                Assert.Contains($"ALTER DATABASE \"{database}\" OWNER TO \"{role.Role}\";\n", script, StringComparison.Ordinal);
                Assert.Contains($"REVOKE ALL ON DATABASE \"{database}\" FROM PUBLIC;\n", script, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains($"GRANT pg_monitor TO \"{role.Role}\";\n", script, StringComparison.Ordinal);
                Assert.DoesNotContain($"OWNER \"{role.Role}\"", script, StringComparison.Ordinal);
                Assert.DoesNotContain($"OWNER TO \"{role.Role}\"", script, StringComparison.Ordinal);
            }
        });
        Assert.StartsWith($"-- {KubernetesTree.Generated}\n\\set ON_ERROR_STOP on\n", script, StringComparison.Ordinal);
        Assert.Equal(4, RoleCreation().Matches(script).Count);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task TheJobReadsEachRolesPasswordFromTheSecretTheServiceConnectsWith(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);
        var secrets = objects.OfKind("Secret").ToDictionary(RenderedOverlays.Name, secret => secret["data"]!.AsObject());
        var container = objects.OfKind("Job").Single()["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var passwords = container["env"]!.AsArray().ToDictionary(variable => variable!["name"]!.GetValue<string>(), variable => variable!["valueFrom"]!["secretKeyRef"]!);

        Assert.Equal([SuperuserSecret], container["envFrom"]!.AsArray().Select(source => source!["secretRef"]!["name"]!.GetValue<string>()));
        Assert.Equal(Roles.Select(role => $"{role.Role.ToUpperInvariant()}_ROLE_PASSWORD").Order(), passwords.Keys.Order());
        Assert.All(Roles, role =>
        {
            var reference = passwords[$"{role.Role.ToUpperInvariant()}_ROLE_PASSWORD"];
            Assert.Equal($"{role.Role}-secrets", reference["name"]!.GetValue<string>());
            Assert.Equal(role.PasswordKey, reference["key"]!.GetValue<string>());
            Assert.True(secrets[$"{role.Role}-secrets"].ContainsKey(role.PasswordKey));
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task OnlyTheDatabaseServerAndTheJobReadTheSuperusersSecret(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);

        Assert.Equal(
            overlay == KubernetesTree.InCluster ? [DatabaseJob.Name, "postgres"] : [DatabaseJob.Name],
            objects.PodTemplates().Where(pod => pod.Template.ToJsonString().Contains($"\"{SuperuserSecret}\"", StringComparison.Ordinal)).Select(pod => pod.Name).Order());
        Assert.All(objects.OfKind("Secret").Where(secret => secret.Name() != SuperuserSecret),
            secret => Assert.DoesNotContain(secret["data"]!.AsObject(), pair => pair.Key is "PGUSER" or "PGPASSWORD"));
    }

    [Fact]
    public void TheScriptTakesEveryPasswordFromAPsqlVariable()
    {
        var script = File.ReadAllText(Path.Combine(RenderedOverlays.Tree, "base", "databases", Kubernetes.DatabaseScript.FileName));

        Assert.All(Password().Matches(script), match => Assert.Matches("^:'[a-z_]+';$", match.Groups["value"].Value));
        Assert.NotEmpty(Password().Matches(script));
    }

    /// <summary>The users a variable names: a <c>*_USERNAME</c>'s value, a connection string's user, a URI's user.</summary>
    private static IEnumerable<string> Users(string key, string value) =>
    [
        .. key.EndsWith("_USERNAME", StringComparison.Ordinal) ? [value] : Array.Empty<string>(),
        .. ConnectionStringUser().Matches(value).Select(match => match.Groups["user"].Value),
        .. UriUser().Matches(value).Select(match => match.Groups["user"].Value).Where(user => user.Length > 0),
    ];

    private static Dictionary<string, string> Strings(JsonObject data) => data.ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>());

    [GeneratedRegex(@"(?:^|;)\s*(?:Username|User Name|User ?ID|UID)\s*=\s*(?<user>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringUser();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*://(?<user>[^:@/]*)(:[^@/]*)?@", RegexOptions.IgnoreCase)]
    private static partial Regex UriUser();

    [GeneratedRegex(@"(?i)\bpassword\s+(?<value>\S+)")]
    private static partial Regex Password();

    [GeneratedRegex(@"CREATE ROLE ")]
    private static partial Regex RoleCreation();
}
