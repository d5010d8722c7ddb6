using System.Text.Json.Nodes;

namespace Platform.Kubernetes.Tests;

/// <summary>Every workload runs as the restricted Pod Security Standard asks, writing only to its volumes and emptyDirs.</summary>
public sealed class PodsRunRestricted
{
    public static TheoryData<string> Overlays => [.. RenderedOverlays.Overlays];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EveryPodRunsAsItsImagesNonRootUserWithTheDefaultSeccompProfileAndNoToken(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);

        Assert.All(objects.PodTemplates(), pod =>
        {
            var spec = pod.Template["spec"]!;
            var context = spec["securityContext"]!;
            // The app user of the .NET images; the postgres and redis users of theirs (the Job runs psql in the postgres image).
            var user = pod.Kind == "Deployment" ? 1654 : 999;
            Assert.True(context["runAsNonRoot"]!.GetValue<bool>(), pod.Name);
            Assert.Equal(user, context["runAsUser"]!.GetValue<int>());
            Assert.Equal(user, context["runAsGroup"]!.GetValue<int>());
            Assert.Equal(user, context["fsGroup"]!.GetValue<int>());
            Assert.Equal("RuntimeDefault", context["seccompProfile"]!["type"]!.GetValue<string>());
            Assert.False(spec["automountServiceAccountToken"]!.GetValue<bool>(), pod.Name);
            Assert.Null(spec["hostNetwork"]);
            Assert.Null(spec["initContainers"]);
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EveryContainerHasAReadOnlyRootNoCapabilitiesAndNoPrivilegeEscalation(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);

        Assert.All(objects.PodTemplates().SelectMany(pod => pod.Template["spec"]!["containers"]!.AsArray()), container =>
        {
            var context = container!["securityContext"]!;
            Assert.False(context["allowPrivilegeEscalation"]!.GetValue<bool>());
            Assert.True(context["readOnlyRootFilesystem"]!.GetValue<bool>());
            Assert.Equal(["ALL"], context["capabilities"]!["drop"]!.AsArray().Select(capability => capability!.GetValue<string>()));
            Assert.Null(context["capabilities"]!["add"]);
            Assert.Null(context["privileged"]);
            Assert.Null(context["runAsUser"]);
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task ProcessesWriteOnlyToTheEmptyDirsTheyNeed(string overlay)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);

        Assert.All(objects.PodTemplates(), pod =>
        {
            var spec = pod.Template["spec"]!;
            var emptyDirs = spec["volumes"]?.AsArray().Where(volume => volume!["emptyDir"] is not null).Select(volume => volume!["name"]!.GetValue<string>()).ToList() ?? [];
            var writable = spec["containers"]![0]!["volumeMounts"]?.AsArray()
                .Where(mount => emptyDirs.Contains(mount!["name"]!.GetValue<string>()))
                .Select(mount => mount!["mountPath"]!.GetValue<string>()) ?? [];
            Assert.Equal(
                pod.Name switch
                {
                    "postgres" => ["/var/run/postgresql", "/tmp"],
                    "redis" or DatabaseJob.Name => [],
                    _ => ["/tmp"],
                },
                writable);
        });
    }

    [Fact]
    public async Task DataServersKeepTheirDataDirectoriesPermissionsAcrossRestarts()
    {
        var objects = await RenderedOverlays.ObjectsAsync(KubernetesTree.InCluster);

        Assert.All(objects.PodTemplates().Where(pod => pod.Kind == "StatefulSet"), pod =>
            Assert.Equal("OnRootMismatch", pod.Template["spec"]!["securityContext"]!["fsGroupChangePolicy"]!.GetValue<string>()));
    }
}
