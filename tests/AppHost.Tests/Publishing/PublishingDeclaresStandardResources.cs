namespace Platform.AppHost.Tests.Publishing;

public sealed class PublishingDeclaresStandardResources(PublishedManifest published) : IClassFixture<PublishedManifest>
{
    [Fact]
    public void PostgreSQLAndRedisAreAspiresContainerResources()
    {
        var resources = published.Resources;

        Assert.Equal("container.v0", resources["postgres"]!["type"]!.GetValue<string>());
        Assert.StartsWith("docker.io/library/postgres:", resources["postgres"]!["image"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("container.v0", resources["redis"]!["type"]!.GetValue<string>());
        Assert.Equal("redis", resources["redis"]!["bindings"]!["tcp"]!["scheme"]!.GetValue<string>());
        Assert.Equal("platform-postgres-data", resources["postgres"]!["volumes"]![0]!["name"]!.GetValue<string>());
        Assert.DoesNotContain(resources, resource => resource.Value!["type"]!.GetValue<string>() == "executable.v0");
    }

    [Theory]
    [InlineData("backtestsdb")]
    [InlineData("optimizationsdb")]
    [InlineData("marketdatadb")]
    public void EachDatabaseIsOnTheOneServer(string database) =>
        Assert.Equal($"{{postgres.connectionString}};Database={database}", published.Resources[database]!["connectionString"]!.GetValue<string>());

    [Fact]
    public void SecretsAreGeneratedParametersAndTheDevelopmentKeyIsNotPublished()
    {
        var resources = published.Resources;

        foreach (var parameter in (string[])["postgres-password", "redis-password", "identity-secret"])
        {
            var input = resources[parameter]!["inputs"]!["value"]!;
            Assert.True(input["secret"]!.GetValue<bool>());
            Assert.Equal(22, input["default"]!["generate"]!["minLength"]!.GetValue<int>());
        }
        Assert.False(resources.ContainsKey("api-key"));
        Assert.All(resources.Where(resource => resource.Value!["type"]!.GetValue<string>() == "project.v0"),
            project => Assert.Equal("{identity-secret.value}", project.Value!["env"]!["Platform__IdentitySecret"]!.GetValue<string>()));
    }

    [Fact]
    public void OnlyTheGatewayIsExternalOnItsFixedPort()
    {
        var projects = published.Resources.Where(resource => resource.Value!["type"]!.GetValue<string>() == "project.v0").ToDictionary();

        Assert.Equal(["backtests", "gateway", "health", "marketdata", "optimizations"], projects.Keys.Order());
        Assert.True(projects["gateway"]!["bindings"]!["http"]!["external"]!.GetValue<bool>());
        Assert.Equal(8080, projects["gateway"]!["bindings"]!["http"]!["port"]!.GetValue<int>());
        Assert.All(projects.Where(project => project.Key != "gateway"), project => Assert.Null(project.Value!["bindings"]!["http"]!["external"]));
    }

    [Fact]
    public void ServicesReferenceWhatTheyUse()
    {
        var env = published.Resources["optimizations"]!["env"]!.AsObject();

        Assert.Equal("{optimizationsdb.connectionString}", env["ConnectionStrings__optimizationsdb"]!.GetValue<string>());
        Assert.Equal("{redis.connectionString}", env["ConnectionStrings__redis"]!.GetValue<string>());
        Assert.Equal("{backtests.bindings.http.url}", env["services__backtests__http__0"]!.GetValue<string>());
        Assert.Equal("{marketdata.bindings.http.url}", env["services__marketdata__http__0"]!.GetValue<string>());
        Assert.Equal("services/Optimizations/Optimizations.csproj", published.Resources["optimizations"]!["path"]!.GetValue<string>());
    }
}
