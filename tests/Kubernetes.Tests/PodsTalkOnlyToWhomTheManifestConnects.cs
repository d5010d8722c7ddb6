using System.Text.Json.Nodes;

namespace Platform.Kubernetes.Tests;

/// <summary>The rendered NetworkPolicies deny everything by default and allow exactly what the manifest's references need.</summary>
public sealed class PodsTalkOnlyToWhomTheManifestConnects
{
    private const string Http = "TCP/8080";

    /// <summary>Who calls whom: the health service probes the others and reads their pools; the gateway routes to all four.</summary>
    private static readonly Dictionary<string, string[]> Callers = new()
    {
        ["marketdata"] = ["backtests", "optimizations", "health", "gateway"],
        ["backtests"] = ["optimizations", "health", "gateway"],
        ["optimizations"] = ["health", "gateway"],
        ["health"] = ["gateway"],
        ["gateway"] = [],
    };

    private static readonly Dictionary<string, string[]> DataServers = new()
    {
        ["marketdata"] = ["postgres", "redis"],
        ["backtests"] = ["postgres", "redis"],
        ["optimizations"] = ["postgres", "redis"],
        ["health"] = ["postgres", "redis"],
        ["gateway"] = [],
        [DatabaseJob.Name] = ["postgres"],
    };

    private static readonly Dictionary<string, string> ServerPorts = new() { ["postgres"] = "TCP/5432", ["redis"] = "TCP/6379" };

    private static readonly string[] Dns = ["namespace=kube-system:TCP/53", "namespace=kube-system:UDP/53"];

    private const string Internet = "cidr=0.0.0.0/0 except 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16:TCP/443";

    private static readonly JsonObject Manifest = JsonNode.Parse(File.ReadAllText(RenderedOverlays.ManifestPath))!["resources"]!.AsObject();

    public static TheoryData<string> Overlays => [.. RenderedOverlays.Overlays];

    [Fact]
    public void TheExpectedCallersAreThoseOfTheManifestsServiceDiscoveryVariables()
    {
        var projects = Manifest.Where(resource => resource.Value!["type"]!.GetValue<string>() == "project.v0").ToList();

        Assert.Equal(
            Callers.OrderBy(pair => pair.Key).Select(pair => (pair.Key, string.Join(',', pair.Value.Order()))),
            projects.OrderBy(project => project.Key).Select(callee => (callee.Key, string.Join(',', projects
                .Where(caller => caller.Value!["env"]!.AsObject().ContainsKey($"services__{callee.Key}__http__0"))
                .Select(caller => caller.Key).Order()))));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task ADefaultDenyPolicyGovernsEveryPodInAndOut(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);

        Assert.Single(objects.OfKind("NetworkPolicy"), RenderedPolicies.IsDefaultDeny);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EveryPodIsSelectedByAPolicyOfItsOwnBesidesTheDefaultDeny(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);

        Assert.Equal(overlay == KubernetesTree.InCluster ? 8 : 6, objects.PodTemplates().Count());
        Assert.All(objects.PodTemplates(), pod => Assert.Contains(
            objects.Selecting(pod.Template.Labels()),
            policy => !RenderedPolicies.IsDefaultDeny(policy) && policy["spec"]!["podSelector"]!["matchLabels"] is JsonObject { Count: > 0 }));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EachProjectAcceptsOnlyItsCallersAndTheGatewayOnlyTheIngressController(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);

        Assert.All(objects.PodTemplates().Where(pod => pod.Kind == "Deployment"), pod =>
        {
            var expected = pod.Name == "gateway"
                ? [$"namespace={NetworkPolicies.IngressControllerNamespace}:{Http}"]
                : Callers[pod.Name].Select(caller => $"app={caller}:{Http}");
            Assert.Equal(expected.Order(), objects.Sources(pod.Template.Labels()));
        });
    }

    [Fact]
    public async Task DataServersAcceptOnlyThePodsThatUseThem()
    {
        var objects = await RenderedOverlays.ObjectsAsync(KubernetesTree.InCluster);

        Assert.All(objects.PodTemplates().Where(pod => pod.Kind == "StatefulSet"), pod => Assert.Equal(
            DataServers.Where(client => client.Value.Contains(pod.Name)).Select(client => $"app={client.Key}:{ServerPorts[pod.Name]}").Order(),
            objects.Sources(pod.Template.Labels())));
        Assert.Equal(["app=backtests", "app=create-databases", "app=health", "app=marketdata", "app=optimizations"],
            objects.Sources(Pod(objects, "postgres").Labels()).Select(source => source.Split(':')[0]));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task PodsReachOnlyDnsTheirCalleesTheirDataServersAndBybit(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);
        var inCluster = overlay == KubernetesTree.InCluster;

        Assert.All(objects.PodTemplates(), pod =>
        {
            IEnumerable<string> expected = pod.Kind == "StatefulSet"
                ? Dns
                :
                [
                    .. Dns,
                    .. Callers.Where(callee => callee.Value.Contains(pod.Name)).Select(callee => $"app={callee.Key}:{Http}"),
                    .. DataServers[pod.Name].Select(server => $"{(inCluster ? $"app={server}" : "anywhere")}:{ServerPorts[server]}"),
                    .. pod.Name is "marketdata" or "health" ? [Internet] : Array.Empty<string>(),
                ];
            Assert.Equal(expected.Order(), objects.Destinations(pod.Template.Labels()));
        });
    }

    [Fact]
    public void TheTreeOpensNoOtlpPortAsTheManifestSetsNoEndpoint()
    {
        Assert.DoesNotContain(Manifest, resource => resource.Value!["env"]?.AsObject().ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT") == true);
        Assert.All(Directory.EnumerateFiles(RenderedOverlays.Tree, "*.yaml", SearchOption.AllDirectories), file =>
            Assert.DoesNotMatch(@"port: 431[78]\b", File.ReadAllText(file)));
    }

    private static JsonObject Pod(IEnumerable<JsonObject> objects, string name) => objects.PodTemplates().Single(pod => pod.Name == name).Template;
}
