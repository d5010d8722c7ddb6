using System.Text.Json;

namespace Platform.Kubernetes;

/// <summary><c>--manifest &lt;aspire-manifest.json&gt; --output &lt;directory&gt;</c>, paths relative to the current directory.</summary>
public static class CommandLine
{
    public const string Usage = "Usage: dotnet run --project tools/Kubernetes -- --manifest <aspire-manifest.json> --output <directory>";

    /// <summary>0 when the tree is written, 1 when the manifest cannot be turned into one, 2 for a usage mistake.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (Parse(args) is not var (manifestPath, outputPath))
        {
            error.WriteLine(Usage);
            return 2;
        }
        try
        {
            var (root, files) = KubernetesTree.Write(AspireManifest.Load(manifestPath), outputPath);
            output.WriteLine($"Wrote {files} files under {root}.");
            return 0;
        }
        catch (Exception exception) when (exception is ManifestException or JsonException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {manifestPath}: {exception.Message}");
            return 1;
        }
    }

    private static (string Manifest, string Output)? Parse(IReadOnlyList<string> args)
    {
        string? manifest = null;
        string? output = null;
        for (var index = 0; index < args.Count; index += 2)
        {
            var value = index + 1 < args.Count ? args[index + 1] : null;
            switch (args[index])
            {
                case "--manifest":
                    manifest = value;
                    break;
                case "--output":
                    output = value;
                    break;
                default:
                    return null;
            }
        }
        return manifest is not null && output is not null ? (manifest, output) : null;
    }
}
