namespace Platform.Kubernetes.Tests;

public sealed class OnlyTheGatewayTrustsForwardedHeaders
{
    public static TheoryData<string> Overlays => [.. RenderedOverlays.Overlays];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task NoPodTrustsForwardedHeadersFromAnySenderAndTheGatewayTrustsTheIngressControllersNetwork(string overlay)
    {
        var maps = (await RenderedOverlays.ObjectsAsync(overlay)).OfKind("ConfigMap").ToDictionary(RenderedOverlays.Name, map => map["data"]!.AsObject());

        Assert.All(maps.Values, data => Assert.DoesNotContain(data, pair => pair.Key.StartsWith("ASPNETCORE_FORWARDEDHEADERS", StringComparison.Ordinal)));
        Assert.Equal(
            [("Platform__ForwardedHeaders__KnownNetworks__0", "10.0.0.0/8")],
            maps["gateway-env"].Where(pair => pair.Key.StartsWith("Platform__ForwardedHeaders__", StringComparison.Ordinal)).Select(pair => (pair.Key, pair.Value!.GetValue<string>())));
        Assert.All(maps.Where(map => map.Key != "gateway-env"), map =>
            Assert.DoesNotContain(map.Value, pair => pair.Key.StartsWith("Platform__ForwardedHeaders__", StringComparison.Ordinal)));
    }
}
