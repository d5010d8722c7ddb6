using System.Text.Json.Nodes;

namespace Platform.Kubernetes.Tests;

/// <summary>
/// Evaluates rendered NetworkPolicies as Kubernetes does: a policy governs the pods whose labels hold every label of
/// its <c>podSelector</c>; a pod's allowed traffic in one direction is the union of the rules of the policies that
/// govern it. Each allowed peer and port is written as <c>peer:PROTOCOL/port</c>, with the peer <c>app=&lt;name&gt;</c>,
/// <c>namespace=&lt;name&gt;</c>, <c>cidr=&lt;block&gt; except &lt;blocks&gt;</c> or <c>anywhere</c>.
/// </summary>
internal static class RenderedPolicies
{
    public static IEnumerable<JsonObject> Selecting(this IEnumerable<JsonObject> objects, JsonObject podLabels) =>
        objects.OfKind("NetworkPolicy").Where(policy =>
        {
            var selector = policy["spec"]!["podSelector"]!.AsObject();
            Assert.Null(selector["matchExpressions"]);
            return (selector["matchLabels"]?.AsObject() ?? []).All(label => podLabels[label.Key]?.GetValue<string>() == label.Value!.GetValue<string>());
        });

    /// <summary>A policy that governs every pod in both directions and allows nothing.</summary>
    public static bool IsDefaultDeny(JsonObject policy) =>
        policy["spec"]!["podSelector"]!.AsObject().Count == 0
        && Types(policy).Order().SequenceEqual(["Egress", "Ingress"])
        && policy["spec"]!["ingress"] is null or JsonArray { Count: 0 }
        && policy["spec"]!["egress"] is null or JsonArray { Count: 0 };

    /// <summary>The peers and ports a pod accepts, in order.</summary>
    public static IReadOnlyList<string> Sources(this IEnumerable<JsonObject> objects, JsonObject podLabels) => Allowed(objects, podLabels, "Ingress", "ingress", "from");

    /// <summary>The peers and ports a pod reaches, in order.</summary>
    public static IReadOnlyList<string> Destinations(this IEnumerable<JsonObject> objects, JsonObject podLabels) => Allowed(objects, podLabels, "Egress", "egress", "to");

    public static JsonObject Labels(this JsonObject template) => template["metadata"]!["labels"]!.AsObject();

    private static List<string> Allowed(IEnumerable<JsonObject> objects, JsonObject podLabels, string type, string rules, string peers) =>
    [
        .. objects.Selecting(podLabels)
            .Where(policy => Types(policy).Contains(type))
            .SelectMany(policy => policy["spec"]![rules]?.AsArray() ?? [])
            .SelectMany(rule =>
            {
                var ports = rule!["ports"]?.AsArray().Select(port => $"{port!["protocol"]!.GetValue<string>()}/{port["port"]}").ToList() ?? ["all"];
                var names = rule[peers]?.AsArray().Select(peer => Peer(peer!.AsObject())).ToList() ?? ["anywhere"];
                return names.SelectMany(name => ports.Select(port => $"{name}:{port}"));
            })
            .Distinct()
            .Order(),
    ];

    private static string Peer(JsonObject peer)
    {
        Assert.Single(peer);
        return peer.Single() switch
        {
            ("podSelector", var selector) => $"app={Only(selector!["matchLabels"]!.AsObject(), "app")}",
            ("namespaceSelector", var selector) => $"namespace={Only(selector!["matchLabels"]!.AsObject(), "kubernetes.io/metadata.name")}",
            ("ipBlock", var block) => $"cidr={block!["cidr"]} except {string.Join(',', block["except"]!.AsArray().Select(range => range!.GetValue<string>()))}",
            var (kind, _) => throw new InvalidOperationException($"No test form for the peer '{kind}'."),
        };
    }

    private static string Only(JsonObject labels, string key)
    {
        Assert.Equal([key], labels.Select(label => label.Key));
        return labels[key]!.GetValue<string>();
    }

    private static IEnumerable<string> Types(JsonObject policy) =>
        policy["spec"]!["policyTypes"]!.AsArray().Select(type => type!.GetValue<string>());
}
