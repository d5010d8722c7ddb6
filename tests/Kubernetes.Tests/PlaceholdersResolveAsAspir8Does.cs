namespace Platform.Kubernetes.Tests;

public sealed class PlaceholdersResolveAsAspir8Does
{
    private static readonly Placeholders InCluster = new(TestManifests.Committed, resource => resource);
    private static readonly Placeholders External = new(TestManifests.Committed, resource => $"{resource}.example.com");

    [Theory]
    [InlineData("{redis.connectionString}", "redis:6379,password=replace-me")]
    [InlineData("{marketdatadb.connectionString}", "Host=postgres;Port=5432;Username=postgres;Password=replace-me;Database=marketdatadb")]
    [InlineData("{identity-secret.value}", "replace-me")]
    [InlineData("{backtests.bindings.http.url}", "http://backtests:8080")]
    [InlineData("{gateway.bindings.http.targetPort}", "8080")]
    [InlineData("{redis.bindings.tcp.scheme}://:{redis-password-uri-encoded.value}@{redis.bindings.tcp.host}:{redis.bindings.tcp.port}", "redis://:replace-me@redis:6379")]
    [InlineData("{cond-redis-bindings-tcp-tlsenabled-d148d83a.connectionString}", "")]
    [InlineData("in_memory", "in_memory")]
    public void InTheClusterServersAreTheirServices(string expression, string expected) =>
        Assert.Equal(expected, InCluster.Resolve(expression));

    [Theory]
    [InlineData("{postgres.connectionString}", "Host=postgres.example.com;Port=5432;Username=postgres;Password=replace-me")]
    [InlineData("{redis.bindings.tcp.url}", "redis://redis.example.com:6379")]
    [InlineData("{marketdata.bindings.http.url}", "http://marketdata:8080")]
    public void ExternalServersAreTheOperatorsHostsWhileProjectsStayServices(string expression, string expected) =>
        Assert.Equal(expected, External.Resolve(expression));

    [Theory]
    [InlineData("{marketdatadb.connectionString}", true)]
    [InlineData("{postgres-password.value}", true)]
    [InlineData("postgresql://postgres:{postgres-password-uri-encoded.value}@{postgres.bindings.tcp.host}", true)]
    [InlineData("{postgres.bindings.tcp.host}", false)]
    [InlineData("{marketdata.bindings.http.url}", false)]
    [InlineData("true", false)]
    public void ParameterValuesAndConnectionStringsAreSecrets(string expression, bool secret) =>
        Assert.Equal(secret, InCluster.IsSecret(expression));

    [Theory]
    [InlineData("{postgres-password.value}", true)]
    [InlineData("x{postgres-password.value}", false)]
    [InlineData("{postgres-password-uri-encoded.value}", false)]
    [InlineData("{postgres.connectionString}", false)]
    [InlineData("postgres", false)]
    public void OnlyAWholeParameterValueIsAParameter(string expression, bool parameter) =>
        Assert.Equal(parameter, InCluster.IsParameter(expression));

    [Theory]
    [InlineData("{postgres.bindings.tcp.host}", true)]
    [InlineData("jdbc:postgresql://{postgres.bindings.tcp.host}:{postgres.bindings.tcp.port}", true)]
    [InlineData("{redis.connectionString}", true)]
    [InlineData("{postgres.bindings.tcp.port}", false)]
    [InlineData("{health.bindings.http.url}", false)]
    public void OnlyDataServerHostsDependOnTheOverlay(string expression, bool dependsOnHost) =>
        Assert.Equal(dependsOnHost, InCluster.DependsOnHost(expression));

    [Fact]
    public void TheUriFilterEscapesTheValue()
    {
        var manifest = AspireManifest.Parse(TestManifests.Of("""
            "plain": { "type": "annotated.string", "value": "a b/c" },
            "encoded": { "type": "annotated.string", "value": "{plain.value}", "filter": "uri" }
            """));

        Assert.Equal("a%20b%2Fc a b/c", new Placeholders(manifest, resource => resource).Resolve("{encoded.value} {plain.value}"));
    }

    [Theory]
    [InlineData("{odd.value}", "The filter 'base64' of 'odd' is unknown.")]
    [InlineData("{api.bindings.grpc.url}", "No Kubernetes value for the placeholder {api.bindings.grpc.url}.")]
    [InlineData("{api.inputs.value}", "No Kubernetes value for the placeholder {api.inputs.value}.")]
    [InlineData("{cache.bindings.tcp.port}", "The binding 'tcp' of 'cache' has no targetPort.")]
    public void WhatHasNoKubernetesValueIsAClearError(string expression, string message)
    {
        var manifest = AspireManifest.Parse(TestManifests.Of("""
            "odd": { "type": "annotated.string", "value": "x", "filter": "base64" },
            "cache": { "type": "container.v0", "image": "cache:1", "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp" } } },
            "api": { "type": "project.v0", "path": "api.csproj", "bindings": { "http": { "scheme": "http", "protocol": "tcp", "transport": "http" } } }
            """));

        Assert.Equal(message, Assert.Throws<ManifestException>(() => new Placeholders(manifest, resource => resource).Resolve(expression)).Message);
    }
}
