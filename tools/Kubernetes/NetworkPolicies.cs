namespace Platform.Kubernetes;

/// <summary>
/// Zero-trust networking: one policy denies every pod all traffic in and out, then each workload's own allows exactly
/// what the manifest's references need (<see cref="Traffic"/>): in from its callers, out to DNS and to its callees;
/// each overlay adds the way out to the data servers where it runs them.
/// </summary>
public static class NetworkPolicies
{
    /// <summary>Where ingress-nginx runs by default; operators with another controller patch it (docs/kubernetes.md).</summary>
    public const string IngressControllerNamespace = "ingress-nginx";

    /// <summary>The label Kubernetes sets on every namespace to its name.</summary>
    private const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>OTLP over gRPC and over HTTP.</summary>
    private static readonly int[] OtlpPorts = [4317, 4318];

    /// <summary>The private IPv4 ranges (RFC 1918): the internet rule never reaches the cluster's or the operator's own networks.</summary>
    private static readonly string[] PrivateNetworks = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

    public static YamlMap DefaultDeny() => Policy("default-deny", new YamlMap(), ingress: [], egress: []);

    /// <summary>
    /// In on the http port from the project's callers (and, for the gateway, from the ingress controller); out to DNS,
    /// its callees, the internet on 443 when it calls Bybit, and the OTLP ports when the manifest sets an endpoint.
    /// </summary>
    public static YamlMap ForProject(Workload workload, Traffic traffic)
    {
        object[] sources =
        [
            .. workload.External ? [Namespace(IngressControllerNamespace)] : Array.Empty<object>(),
            .. traffic.Callers(workload.Project).Select(Pods),
        ];
        var callees = traffic.Callees(workload.Project).Select(Pods).ToArray();
        return Policy(
            workload.Name,
            ProjectObjects.Labels(workload.Name),
            ingress: sources.Length > 0 ? [Rule("from", sources, Tcp(Workload.HttpPort))] : [],
            egress:
            [
                Dns(),
                .. callees.Length > 0 ? [Rule("to", callees, Tcp(Workload.HttpPort))] : Array.Empty<object>(),
                .. workload.ReachesInternet ? [Internet()] : Array.Empty<object>(),
                .. workload.Project.Env.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
                    ? [Rule("to", null, [.. OtlpPorts.Select(Tcp)])]
                    : Array.Empty<object>(),
            ]);
    }

    /// <summary>The create-databases Job: nothing in, DNS out; the overlays add the database server.</summary>
    public static YamlMap ForDatabaseJob() =>
        Policy(DatabaseJob.Name, ProjectObjects.Labels(DatabaseJob.Name), ingress: [], egress: [Dns()]);

    /// <summary>A data server in the cluster: in on its ports from its clients only, DNS out.</summary>
    public static YamlMap ForDataServer(ManifestResource container, IEnumerable<string> clients)
    {
        var sources = clients.Select(Pods).ToArray();
        return Policy(
            container.Name,
            ProjectObjects.Labels(container.Name),
            ingress: sources.Length > 0 ? [Rule("from", sources, [.. ServerPorts(container)])] : [],
            egress: [Dns()]);
    }

    /// <summary>
    /// The way out from a client to its data servers: to their pods in the cluster, or, when they run outside it,
    /// to their ports at any address, as the operator's hosts are not known here.
    /// </summary>
    public static YamlMap DataEgress(string client, IReadOnlyList<ManifestResource> servers, bool inCluster) =>
        Policy(
            $"{client}-data-egress",
            ProjectObjects.Labels(client),
            ingress: null,
            egress: inCluster
                ? [.. servers.Select(server => Rule("to", [Pods(server.Name)], [.. ServerPorts(server)]))]
                : [Rule("to", null, [.. servers.SelectMany(ServerPorts)])]);

    private static YamlMap Policy(string name, YamlMap pods, object[]? ingress, object[]? egress) => new()
    {
        { "apiVersion", "networking.k8s.io/v1" },
        { "kind", "NetworkPolicy" },
        { "metadata", new YamlMap { { "name", name } } },
        {
            "spec", new YamlMap
            {
                { "podSelector", pods.Any() ? new YamlMap { { "matchLabels", pods } } : pods },
                { "policyTypes", PolicyTypes(ingress, egress) },
                { "ingress", ingress is { Length: > 0 } ? ingress : null },
                { "egress", egress is { Length: > 0 } ? egress : null },
            }
        },
    };

    /// <summary>A direction without rules (an empty list) is denied; one left out (<see langword="null"/>) is not governed.</summary>
    private static object[] PolicyTypes(object[]? ingress, object[]? egress) =>
    [
        .. ingress is null ? Array.Empty<object>() : ["Ingress"],
        .. egress is null ? Array.Empty<object>() : ["Egress"],
    ];

    /// <summary>A rule from or to the peers (any address when <see langword="null"/>) on the ports.</summary>
    private static YamlMap Rule(string direction, object[]? peers, params object[] ports) => new()
    {
        { direction, peers },
        { "ports", ports },
    };

    private static YamlMap Dns() => Rule(
        "to",
        [Namespace("kube-system")],
        new YamlMap { { "protocol", "UDP" }, { "port", 53 } },
        Tcp(53));

    private static YamlMap Internet() => Rule(
        "to",
        [new YamlMap { { "ipBlock", new YamlMap { { "cidr", "0.0.0.0/0" }, { "except", PrivateNetworks.ToArray<object>() } } } }],
        Tcp(443));

    private static object Pods(string app) => new YamlMap { { "podSelector", new YamlMap { { "matchLabels", ProjectObjects.Labels(app) } } } };

    private static object Namespace(string name) =>
        new YamlMap { { "namespaceSelector", new YamlMap { { "matchLabels", new YamlMap { { NamespaceNameLabel, name } } } } } };

    private static object Tcp(int port) => new YamlMap { { "protocol", "TCP" }, { "port", port } };

    private static IEnumerable<object> ServerPorts(ManifestResource container) => DataObjects.Ports(container).Select(port => Tcp(port.Port));
}
