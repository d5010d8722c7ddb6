using System.Text.Json.Nodes;

namespace Platform.Kubernetes.Tests;

/// <summary>aspire-manifest.json and the Kubernetes tree describe the same platform.</summary>
public sealed class EveryManifestResourceIsDeployed
{
    private static readonly JsonObject Resources =
        JsonNode.Parse(File.ReadAllText(RenderedOverlays.ManifestPath))!["resources"]!.AsObject();

    public static TheoryData<string> Overlays => [.. RenderedOverlays.Overlays];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task ProjectsAreDeploymentsAndDatabasesAreCreatedByTheJob(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);
        var job = objects.OfKind("Job").Single();
        var script = RenderedOverlays.DatabaseScript(objects);
        var databases = Names("value.v0").Where(name => Resources[name]!["connectionString"]!.GetValue<string>().Contains(";Database=", StringComparison.Ordinal)).ToList();

        Assert.Equal(Names("project.v0"), objects.OfKind("Deployment").Select(RenderedOverlays.Name).Order());
        Assert.Equal(["backtestsdb", "marketdatadb", "optimizationsdb"], databases);
        Assert.Equal(DatabaseJob.ScriptConfigMap, job["spec"]!["template"]!["spec"]!["volumes"]![0]!["configMap"]!["name"]!.GetValue<string>());
        Assert.All(databases, database => Assert.Contains($"CREATE DATABASE \"{database}\"", script, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ContainersAreStatefulSetsInClusterWithTheManifestsImagesAndVolumes()
    {
        var inCluster = await RenderedOverlays.ObjectsAsync("in-cluster");
        var external = await RenderedOverlays.ObjectsAsync("external");

        Assert.Equal(Names("container.v0"), inCluster.OfKind("StatefulSet").Select(RenderedOverlays.Name).Order());
        Assert.All(inCluster.OfKind("StatefulSet"), set =>
        {
            var resource = Resources[set.Name()]!;
            var container = set["spec"]!["template"]!["spec"]!["containers"]![0]!;
            Assert.Equal(resource["image"]!.GetValue<string>(), container["image"]!.GetValue<string>());
            var claims = set["spec"]!["volumeClaimTemplates"]!.AsArray().Select(claim => claim!["metadata"]!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(
                resource["volumes"]!.AsArray().Select(volume => volume!["target"]!.GetValue<string>()),
                container["volumeMounts"]!.AsArray().Where(mount => claims.Contains(mount!["name"]!.GetValue<string>())).Select(mount => mount!["mountPath"]!.GetValue<string>()));
            Assert.Equal(resource["volumes"]!.AsArray().Count, claims.Count);
            Assert.Equal(
                resource["bindings"]!["tcp"]!["targetPort"]!.GetValue<int>(),
                inCluster.OfKind("Service").Single(service => service.Name() == set.Name())["spec"]!["ports"]![0]!["port"]!.GetValue<int>());
        });
        Assert.Empty(external.OfKind("StatefulSet"));
    }

    [Fact]
    public async Task TheRedisServerRunsTheManifestsCommand()
    {
        var objects = await RenderedOverlays.ObjectsAsync("in-cluster");
        var redis = objects.OfKind("StatefulSet").Single(set => set.Name() == "redis")["spec"]!["template"]!["spec"]!["containers"]![0]!;

        Assert.Equal([Resources["redis"]!["entrypoint"]!.GetValue<string>()], redis["command"]!.AsArray().Select(part => part!.GetValue<string>()));
        Assert.Equal(Resources["redis"]!["args"]!.AsArray().Select(part => part!.GetValue<string>()), redis["args"]!.AsArray().Select(part => part!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task ParametersAreSuppliedOnlyThroughSecrets(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);
        var parameters = Names("parameter.v0").ToList();
        var uses = Resources
            .Where(resource => resource.Value!["type"]!.GetValue<string>() == "project.v0")
            .SelectMany(project => project.Value!["env"]!.AsObject().Select(variable => (Project: project.Key, variable.Key, Value: variable.Value!.GetValue<string>())))
            .Where(variable => parameters.Any(parameter => variable.Value.Contains($"{{{parameter}.value}}", StringComparison.Ordinal)
                || variable.Value.Contains($"{{{parameter}-uri-encoded.value}}", StringComparison.Ordinal)))
            .ToList();

        Assert.All(parameters, parameter => Assert.Contains(uses, use => use.Value.Contains(parameter, StringComparison.Ordinal)));
        Assert.All(uses, use =>
        {
            Assert.Contains(use.Key, objects.OfKind("Secret").Single(secret => secret.Name() == $"{use.Project}-secrets")["data"]!.AsObject().Select(pair => pair.Key));
            Assert.DoesNotContain(use.Key, objects.OfKind("ConfigMap").Single(map => map.Name() == $"{use.Project}-env")["data"]!.AsObject().Select(pair => pair.Key));
        });
    }

    [Fact]
    public async Task TheServersPasswordsComeFromTheirSecrets()
    {
        var objects = await RenderedOverlays.ObjectsAsync("in-cluster");
        var secrets = objects.OfKind("Secret").ToDictionary(RenderedOverlays.Name, secret => secret["data"]!.AsObject());

        Assert.All(objects.OfKind("StatefulSet"), set =>
        {
            var passwords = set["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
                .Where(variable => variable!["name"]!.GetValue<string>().EndsWith("_PASSWORD", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(passwords);
            Assert.All(passwords, variable =>
            {
                var reference = variable!["valueFrom"]!["secretKeyRef"]!;
                Assert.True(secrets[reference["name"]!.GetValue<string>()].ContainsKey(reference["key"]!.GetValue<string>()));
            });
        });
    }

    private static IEnumerable<string> Names(string type) =>
        Resources.Where(resource => resource.Value!["type"]!.GetValue<string>() == type).Select(resource => resource.Key).Order();
}
