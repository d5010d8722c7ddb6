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
    public void WhatTheTreeCannotHoldIsAClearError(string resources, string message)
    {
        var manifest = AspireManifest.Parse(TestManifests.Of(resources));

        Assert.Equal(message, Assert.Throws<ManifestException>(() => KubernetesTree.Files(manifest)).Message);
    }
}
