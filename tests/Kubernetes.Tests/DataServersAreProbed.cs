namespace Platform.Kubernetes.Tests;

public sealed class DataServersAreProbed
{
    [Fact]
    public async Task EveryStatefulSetHasLivenessAndReadinessProbesWithTimeouts()
    {
        var objects = await RenderedOverlays.ObjectsAsync("in-cluster");

        Assert.Equal(["postgres", "redis"], objects.OfKind("StatefulSet").Select(RenderedOverlays.Name).Order());
        Assert.All(objects.OfKind("StatefulSet"), set =>
        {
            var container = set["spec"]!["template"]!["spec"]!["containers"]![0]!;
            foreach (var probe in new[] { container["livenessProbe"]!, container["readinessProbe"]! })
            {
                Assert.NotEmpty(probe["exec"]!["command"]!.AsArray());
                Assert.InRange(probe["periodSeconds"]!.GetValue<int>(), 1, 30);
                Assert.InRange(probe["timeoutSeconds"]!.GetValue<int>(), 1, probe["periodSeconds"]!.GetValue<int>());
                Assert.InRange(probe["failureThreshold"]!.GetValue<int>(), 2, 10);
                Assert.True(probe["initialDelaySeconds"]!.GetValue<int>() >= 0);
            }
            // Liveness gives a slow start more room than readiness, so a server is not restarted while it initialises.
            Assert.True(container["livenessProbe"]!["initialDelaySeconds"]!.GetValue<int>() > container["readinessProbe"]!["initialDelaySeconds"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task PostgresIsAskedOverTcpAndRedisWithItsPassword()
    {
        var sets = (await RenderedOverlays.ObjectsAsync("in-cluster")).OfKind("StatefulSet").ToDictionary(RenderedOverlays.Name);

        Assert.Equal(["pg_isready", "-U", "postgres", "-h", "127.0.0.1"], Command(sets["postgres"], "livenessProbe"));
        Assert.Equal(["pg_isready", "-U", "postgres", "-h", "127.0.0.1"], Command(sets["postgres"], "readinessProbe"));
        Assert.Equal(["sh", "-c", "redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG"], Command(sets["redis"], "readinessProbe"));
        Assert.Contains(sets["redis"]["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray(), variable => variable!["name"]!.GetValue<string>() == "REDIS_PASSWORD");
    }

    private static IEnumerable<string> Command(System.Text.Json.Nodes.JsonObject set, string probe) =>
        set["spec"]!["template"]!["spec"]!["containers"]![0]![probe]!["exec"]!["command"]!.AsArray().Select(part => part!.GetValue<string>());
}
