namespace Platform.Kubernetes.Tests;

internal static class TestManifests
{
    public static AspireManifest Committed { get; } = AspireManifest.Load(RenderedOverlays.ManifestPath);

    /// <summary>A manifest of the given resources (JSON object members).</summary>
    public static string Of(string resources) => $$"""{ "resources": { {{resources}} } }""";
}
