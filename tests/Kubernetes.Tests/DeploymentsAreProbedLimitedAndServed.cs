namespace Platform.Kubernetes.Tests;

public sealed class DeploymentsAreProbedLimitedAndServed
{
    public static TheoryData<string> Overlays => [.. RenderedOverlays.Overlays];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EveryDeploymentHasProbesLimitsAndAMatchingService(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);
        var services = objects.OfKind("Service").ToList();

        Assert.NotEmpty(objects.OfKind("Deployment"));
        Assert.All(objects.OfKind("Deployment"), deployment =>
        {
            var pod = deployment["spec"]!["template"]!;
            var container = pod["spec"]!["containers"]![0]!;
            Assert.Equal("/health/live", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
            Assert.Equal("/health/ready", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
            Assert.NotNull(container["resources"]!["limits"]!["cpu"]);
            Assert.NotNull(container["resources"]!["limits"]!["memory"]);
            Assert.Equal(Workload.HttpPort, container["ports"]![0]!["containerPort"]!.GetValue<int>());
            var labels = pod["metadata"]!["labels"]!.AsObject();
            Assert.Contains(services, service => service.Name() == deployment.Name()
                && service["spec"]!["selector"]!.AsObject().All(pair => labels[pair.Key]?.GetValue<string>() == pair.Value!.GetValue<string>()));
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task ProjectsListenOnTheirServicesPort(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);

        Assert.All(objects.OfKind("ConfigMap").Where(map => map.Name().EndsWith("-env", StringComparison.Ordinal)),
            map => Assert.Equal($"{Workload.HttpPort}", map["data"]!["HTTP_PORTS"]!.GetValue<string>()));
        Assert.All(objects.OfKind("Service").Where(service => objects.OfKind("Deployment").Any(deployment => deployment.Name() == service.Name())),
            service => Assert.Equal(Workload.HttpPort, service["spec"]!["ports"]![0]!["port"]!.GetValue<int>()));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task PodsOutliveTheirJobLeaseOnShutdown(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);

        Assert.All(objects.OfKind("Deployment"), deployment => Assert.True(
            deployment["spec"]!["template"]!["spec"]!["terminationGracePeriodSeconds"]!.GetValue<int>() > Workload.Lease.TotalSeconds));
        Assert.All(objects.OfKind("ConfigMap").Where(map => map.Name() is "backtests-env" or "optimizations-env" or "marketdata-env"),
            map => Assert.Contains(map["data"]!.AsObject(), pair => pair.Key.EndsWith("__Lease", StringComparison.Ordinal)
                && TimeSpan.Parse(pair.Value!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) == Workload.Lease));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task OnlyTheGatewayIsExposedAndWorkersAutoscale(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);

        // The gateway too is reached from outside only through its Ingress, which terminates TLS.
        Assert.All(objects.OfKind("Service"), service => Assert.Equal("ClusterIP", service["spec"]!["type"]!.GetValue<string>()));
        Assert.Equal(["gateway"], objects.OfKind("Ingress").Select(RenderedOverlays.Name));
        Assert.Equal(["backtests", "marketdata", "optimizations"], objects.OfKind("HorizontalPodAutoscaler").Select(RenderedOverlays.Name).Order());
        Assert.Equal(objects.OfKind("Deployment").Select(RenderedOverlays.Name).Order(), objects.OfKind("PodDisruptionBudget").Select(RenderedOverlays.Name).Order());
        Assert.All(objects.OfKind("PodDisruptionBudget"), budget => Assert.Equal(1, budget["spec"]!["minAvailable"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ImagesComeFromTheContainerRepositoryWithTheLatestTag()
    {
        var objects = await RenderedOverlays.ObjectsAsync("in-cluster");

        Assert.All(objects.OfKind("Deployment"), deployment => Assert.Equal(
            $"platform/{deployment.Name()}:latest", deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>()));
    }
}
