namespace Platform.Kubernetes.Tests;

public sealed class TheIngressServesTls
{
    public static TheoryData<string> Overlays => [.. RenderedOverlays.Overlays];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task TheGatewaysIngressTerminatesTlsForItsHostAndRedirectsPlainHttp(string overlay)
    {
        var ingress = (await RenderedOverlays.ObjectsAsync(overlay)).OfKind("Ingress").Single();
        var spec = ingress["spec"]!;
        var tls = spec["tls"]!.AsArray().Single()!;
        var rule = spec["rules"]!.AsArray().Single()!;

        Assert.Equal(ProjectObjects.TlsSecret, tls["secretName"]!.GetValue<string>());
        Assert.Equal([ProjectObjects.IngressHost], tls["hosts"]!.AsArray().Select(host => host!.GetValue<string>()));
        Assert.Equal(ProjectObjects.IngressHost, rule["host"]!.GetValue<string>());
        Assert.Equal("gateway", rule["http"]!["paths"]![0]!["backend"]!["service"]!["name"]!.GetValue<string>());
        Assert.Equal("true", ingress["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/ssl-redirect"]!.GetValue<string>());
        Assert.Equal("nginx", spec["ingressClassName"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task TheIngressPassesTheApiDocumentsAndProbesButNotTheGatewaysMetrics(string overlay)
    {
        var ingress = (await RenderedOverlays.ObjectsAsync(overlay)).OfKind("Ingress").Single();
        var paths = ingress["spec"]!["rules"]!.AsArray().Single()!["http"]!["paths"]!.AsArray();

        Assert.Equal(["/api", "/openapi", "/docs", "/health"], paths.Select(path => path!["path"]!.GetValue<string>()));
        Assert.All(paths, path => Assert.Equal("gateway", path!["backend"]!["service"]!["name"]!.GetValue<string>()));
        Assert.DoesNotContain(paths, path => "/metrics".StartsWith(path!["path"]!.GetValue<string>(), StringComparison.Ordinal));
    }
}
