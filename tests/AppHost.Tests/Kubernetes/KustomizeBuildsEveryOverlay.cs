namespace Platform.AppHost.Tests.Kubernetes;

public sealed class KustomizeBuildsEveryOverlay
{
    [Theory]
    [InlineData("in-cluster")]
    [InlineData("external")]
    public async Task KubectlKustomizeBuildsTheOverlayWithoutErrors(string overlay)
    {
        var (exitCode, output, error) = await RenderedOverlays.KustomizeAsync(overlay);

        Assert.True(exitCode == 0, error);
        Assert.Contains("kind: Deployment", output, StringComparison.Ordinal);
    }
}
