using System.Text.Json.Nodes;

namespace Platform.AppHost.Tests.Kubernetes;

/// <summary>aspire-manifest.json and the Kubernetes tree describe the same platform.</summary>
public sealed class EveryManifestResourceIsDeployed
{
    private static readonly IReadOnlyList<(string Name, string Type)> Manifest =
    [
        .. JsonNode.Parse(File.ReadAllText(Path.Combine(RenderedOverlays.Root, "aspire-manifest.json")))!["resources"]!.AsObject()
            .Select(pair => (pair.Key, pair.Value!["type"]!.GetValue<string>())),
    ];

    [Theory]
    [InlineData("in-cluster")]
    [InlineData("external")]
    public async Task ProjectsAreDeploymentsAndDatabasesAreCreatedByTheJob(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);
        var job = objects.OfKind("Job").Single().ToJsonString();

        Assert.Equal(Names("project.v0"), objects.OfKind("Deployment").Select(RenderedOverlays.Name).Order());
        Assert.All(Names("value.v0"), database => Assert.Contains(database, job, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ContainersAreStatefulSetsInClusterAndAbsentWithExternalServers()
    {
        var inCluster = await RenderedOverlays.ObjectsAsync("in-cluster");
        var external = await RenderedOverlays.ObjectsAsync("external");

        Assert.Equal(Names("container.v0"), inCluster.OfKind("StatefulSet").Select(RenderedOverlays.Name).Order());
        Assert.All(inCluster.OfKind("StatefulSet"), set => Assert.NotEmpty(set["spec"]!["volumeClaimTemplates"]!.AsArray()));
        Assert.Empty(external.OfKind("StatefulSet"));
    }

    [Fact]
    public async Task ParametersAreSuppliedThroughTheirServersSecrets()
    {
        var secrets = (await RenderedOverlays.ObjectsAsync("in-cluster")).OfKind("Secret").Select(RenderedOverlays.Name).ToList();

        Assert.All(Names("parameter.v0"), parameter => Assert.Contains($"{parameter[..parameter.LastIndexOf('-')]}-secrets", secrets));
    }

    private static IEnumerable<string> Names(string type) =>
        Manifest.Where(resource => resource.Type == type).Select(resource => resource.Name).Order();
}
