namespace Platform.Kubernetes.Tests;

/// <summary>The generator follows the manifest, not the platform's names: smaller and odder manifests than the committed one.</summary>
public sealed class OtherManifestsMapByTheSameRules
{
    private const string Cache = """
        "cache-password": { "type": "parameter.v0", "value": "{cache-password.inputs.value}",
          "inputs": { "value": { "type": "string", "secret": true } } },
        "cache": { "type": "container.v0", "image": "docker.io/valkey/valkey:8",
          "env": { "MODE": "standalone", "CACHE_PASSWORD": "{cache-password.value}" },
          "volumes": [ { "name": "cache-data", "target": "/data" }, { "name": "cache-config", "target": "/etc/valkey", "readOnly": true } ],
          "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 6380 } } },
        "web": { "type": "project.v0", "path": "web.csproj",
          "env": { "CACHE_HOST": "{cache.bindings.tcp.host}", "CACHE_PASSWORD": "{cache-password.value}" },
          "bindings": { "http": { "scheme": "http", "protocol": "tcp", "transport": "http" } } }
        """;

    private const string Postgres = """
        "pg-password": { "type": "parameter.v0", "value": "{pg-password.inputs.value}", "inputs": { "value": { "type": "string", "secret": true } } },
        "pg": { "type": "container.v0", "image": "postgres:18", "connectionString": "Host={pg.bindings.tcp.host};Username=postgres;Password={pg-password.value}",
          "env": { "POSTGRES_PASSWORD": "{pg-password.value}" },
          "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 5432 } } },

        """;

    private static readonly Dictionary<string, string> Tree =
        KubernetesTree.Files(AspireManifest.Parse(TestManifests.Of(Cache))).ToDictionary(file => file.Path, file => file.Text);

    [Fact]
    public void WithoutDatabasesThereIsNoJobAndNoDatabaseSecret()
    {
        Assert.DoesNotContain("base/databases/job.yaml", Tree.Keys);
        Assert.DoesNotContain("databases/job.yaml", Tree["base/kustomization.yaml"], StringComparison.Ordinal);
        Assert.DoesNotContain("overlays/external/secrets/cache.env.example", Tree.Keys);
        Assert.Equal("# Copy to cache.env and replace every 'replace-me'.\nCACHE_PASSWORD=replace-me\n", Tree["overlays/in-cluster/secrets/cache.env.example"]);
        Assert.Equal("# Copy to web.env and replace every 'replace-me'.\nCACHE_PASSWORD=replace-me\n", Tree["overlays/external/secrets/web.env.example"]);
    }

    [Fact]
    public void AnUnknownServerIsProbedOverTcpAndKeepsEveryVolume()
    {
        var set = Tree["overlays/in-cluster/cache/statefulset.yaml"];

        Assert.Contains("tcpSocket:\n            port: tcp\n", set, StringComparison.Ordinal);
        Assert.Contains("- name: data\n          mountPath: /data\n        - name: data-1\n          mountPath: /etc/valkey\n          readOnly: true\n", set, StringComparison.Ordinal);
        Assert.Contains("key: CACHE_PASSWORD\n", set, StringComparison.Ordinal);
        Assert.Contains("- name: MODE\n          value: standalone\n", set, StringComparison.Ordinal);
        Assert.DoesNotContain("command:", set, StringComparison.Ordinal);
        Assert.Contains("containerPort: 6380", set, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInternalProjectGetsTheDefaultSizeAndTheOverlaysSetTheServersHost()
    {
        Assert.Contains("cpu: 500m\n            memory: 384Mi", Tree["base/web/deployment.yaml"], StringComparison.Ordinal);
        Assert.DoesNotContain("base/web/hpa.yaml", Tree.Keys);
        Assert.DoesNotContain("base/web/ingress.yaml", Tree.Keys);
        Assert.Contains("- CACHE_HOST=cache\n", Tree["overlays/in-cluster/kustomization.yaml"], StringComparison.Ordinal);
        Assert.Contains("- CACHE_HOST=cache.example.com\n", Tree["overlays/external/kustomization.yaml"], StringComparison.Ordinal);
        Assert.Contains("  literals:\n  - OTEL_SERVICE_NAME=web\n", Tree["base/kustomization.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownServerAdmitsItsClientsAndRunsAsTheImagesOwnNonRootUser()
    {
        var policy = Tree["overlays/in-cluster/cache/networkpolicy.yaml"];
        var set = Tree["overlays/in-cluster/cache/statefulset.yaml"];

        Assert.Contains("  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app: web\n    ports:\n    - protocol: TCP\n      port: 6380\n", policy, StringComparison.Ordinal);
        Assert.Contains("app: cache\n    ports:\n    - protocol: TCP\n      port: 6380\n", Tree["overlays/in-cluster/web/data-egress.yaml"], StringComparison.Ordinal);
        Assert.Contains("  egress:\n  - ports:\n    - protocol: TCP\n      port: 6380\n", Tree["overlays/external/web/data-egress.yaml"], StringComparison.Ordinal);
        Assert.Contains("      securityContext:\n        runAsNonRoot: true\n        seccompProfile:\n", set, StringComparison.Ordinal);
        Assert.DoesNotContain("runAsUser", set, StringComparison.Ordinal);
        Assert.Contains("- name: tmp\n          mountPath: /tmp\n", set, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOtlpEndpointOpensTheOtlpPortsOfThatProjectOnly()
    {
        var tree = KubernetesTree.Files(AspireManifest.Parse(TestManifests.Of("""
            "web": { "type": "project.v0", "path": "web.csproj", "env": { "OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4317" } },
            "api": { "type": "project.v0", "path": "api.csproj" }
            """))).ToDictionary(file => file.Path, file => file.Text);

        Assert.EndsWith("  - ports:\n    - protocol: TCP\n      port: 4317\n    - protocol: TCP\n      port: 4318\n", tree["base/web/networkpolicy.yaml"], StringComparison.Ordinal);
        Assert.DoesNotContain("4317", tree["base/api/networkpolicy.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void OverlaysWithoutHostsMergeNoConfigMap()
    {
        var tree = KubernetesTree.Files(AspireManifest.Parse(TestManifests.Of("""
            "web": { "type": "project.v0", "path": "web.csproj", "env": { "MODE": "quiet" } }
            """)));

        Assert.All(tree.Where(file => file.Path.StartsWith("overlays/", StringComparison.Ordinal) && file.Path.EndsWith("kustomization.yaml", StringComparison.Ordinal)),
            file => Assert.DoesNotContain("configMapGenerator", file.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""
        "a": { "type": "container.v0", "image": "postgres:18", "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 5432 } } },
        "b": { "type": "container.v0", "image": "postgres:18", "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 5432 } } },
        "adb": { "type": "value.v0", "connectionString": "{a.connectionString};Database=adb" },
        "bdb": { "type": "value.v0", "connectionString": "{b.connectionString};Database=bdb" }
        """, "The databases must all be on one container; they are on a, b.")]
    [InlineData("""
        "a": { "type": "value.v0", "connectionString": "Host=a" },
        "adb": { "type": "value.v0", "connectionString": "{a.connectionString};Database=adb" }
        """, "The databases must all be on one container; they are on a.")]
    [InlineData("""
        "a": { "type": "container.v0", "image": "busybox:1" }
        """, "The container 'a' has no binding to serve.")]
    [InlineData("""
        "a": { "type": "container.v0", "image": "busybox:1", "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp" } } }
        """, "The binding 'tcp' of 'a' has no targetPort.")]
    [InlineData("""
        "a": { "type": "container.v0", "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 1 } } }
        """, "The container 'a' has no image.")]
    [InlineData(Postgres + """
        "adb": { "type": "value.v0", "connectionString": "{pg.connectionString};Database=adb" }
        """, "No project uses the database 'adb', so it has no owner.")]
    [InlineData(Postgres + """
        "adb": { "type": "value.v0", "connectionString": "{pg.connectionString};Database=adb" },
        "a": { "type": "project.v0", "path": "a.csproj", "env": { "C": "{adb.connectionString}", "P": "{pg-password.value}" } },
        "b": { "type": "project.v0", "path": "b.csproj", "env": { "C": "{adb.connectionString}", "P": "{pg-password.value}" } }
        """, "The database 'adb' is used by a, b; a database has one owner.")]
    [InlineData(Postgres + """
        "adb": { "type": "value.v0", "connectionString": "{pg.connectionString};Database=adb" },
        "a": { "type": "project.v0", "path": "a.csproj", "env": { "C": "{adb.connectionString}" } }
        """, "The project 'a' uses 'pg', but no variable of its env holds the server's password, which its own role's password would replace.")]
    public void WhatTheTreeCannotHoldIsAClearError(string resources, string message)
    {
        var manifest = AspireManifest.Parse(TestManifests.Of(resources));

        Assert.Equal(message, Assert.Throws<ManifestException>(() => KubernetesTree.Files(manifest)).Message);
    }
}
