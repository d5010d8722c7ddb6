namespace Platform.Kubernetes.Tests;

public sealed class DatabaseRolesReplaceOnlyTheUser
{
    private static readonly AspireManifest Manifest = TestManifests.Committed;
    private static readonly DatabaseRoles Roles = DatabaseRoles.For(Manifest)!;

    [Theory]
    [InlineData("backtests", "BACKTESTSDB_USERNAME", "postgres", "postgres", "backtests")]
    [InlineData("backtests", "ConnectionStrings__backtestsdb", "{backtestsdb.connectionString}",
        "Host=postgres;Port=5432;Username=postgres;Password=x;Database=backtestsdb", "Host=postgres;Port=5432;Username=backtests;Password=x;Database=backtestsdb")]
    [InlineData("health", "POSTGRES_URI", "{postgres.bindings.tcp.url}", "postgresql://postgres:x@postgres:5432", "postgresql://health:x@postgres:5432")]
    [InlineData("health", "POSTGRES_URI", "{postgres.bindings.tcp.url}", "postgresql://postgres:5432/postgres", "postgresql://postgres:5432/postgres")]
    [InlineData("health", "REDIS_URI", "{redis.bindings.tcp.url}", "redis://postgres:x@redis:6379", "redis://postgres:x@redis:6379")]
    [InlineData("gateway", "SOME_USERNAME", "postgres", "postgres", "postgres")]
    public void TheSuperuserBecomesTheProjectsRoleWhereAValueNamesItsUser(string project, string key, string expression, string resolved, string expected) =>
        Assert.Equal(expected, Roles.ConnectAs(Manifest.Resource(project), key, expression, resolved));

    [Fact]
    public void EachProjectThatReachesTheServerHasARoleOwningTheDatabasesItReferences()
    {
        Assert.Equal("postgres", Roles.Superuser);
        Assert.Equal(
            [("marketdata", "marketdatadb"), ("backtests", "backtestsdb"), ("optimizations", "optimizationsdb"), ("health", "")],
            Roles.Roles.Select(role => (role.Name, string.Join(',', role.Databases))));
        Assert.Equal(["health"], Roles.Roles.Where(role => role.Monitors).Select(role => role.Name));
    }
}
