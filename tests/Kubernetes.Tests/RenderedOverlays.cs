using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Platform.Kubernetes.Tests;

/// <summary>
/// The committed tree rendered by <c>kubectl kustomize</c> (offline) as an operator would: each overlay's
/// <c>secrets/*.env.example</c> copied to <c>*.env</c> first. The YAML is read into JSON by Python's PyYAML.
/// </summary>
internal static class RenderedOverlays
{
    public static readonly string Root = FindRepositoryRoot(AppContext.BaseDirectory);
    public static readonly string Tree = Path.Combine(Root, "deploy", "kubernetes");
    public static readonly string ManifestPath = Path.Combine(Root, "aspire-manifest.json");
    public static readonly string[] Overlays = [KubernetesTree.InCluster, KubernetesTree.External];

    private static readonly Dictionary<string, Lazy<Task<IReadOnlyList<JsonObject>>>> Rendered =
        Overlays.ToDictionary(overlay => overlay, overlay => new Lazy<Task<IReadOnlyList<JsonObject>>>(() => RenderAsync(overlay)));

    public static Task<IReadOnlyList<JsonObject>> ObjectsAsync(string overlay) => Rendered[overlay].Value;

    public static IEnumerable<JsonObject> OfKind(this IEnumerable<JsonObject> objects, string kind) =>
        objects.Where(item => item["kind"]!.GetValue<string>() == kind);

    public static string Name(this JsonObject item) => item["metadata"]!["name"]!.GetValue<string>();

    /// <summary>The pod templates of the workloads (Deployments, StatefulSets, the Job), by their workload's kind and name.</summary>
    public static IEnumerable<(string Kind, string Name, JsonObject Template)> PodTemplates(this IEnumerable<JsonObject> objects) =>
        objects
            .Where(item => item["kind"]!.GetValue<string>() is "Deployment" or "StatefulSet" or "Job")
            .Select(item => (item["kind"]!.GetValue<string>(), item.Name(), item["spec"]!["template"]!.AsObject()));

    /// <summary>The SQL that the create-databases Job runs, from the ConfigMap it mounts.</summary>
    public static string DatabaseScript(IEnumerable<JsonObject> objects) =>
        objects.OfKind("ConfigMap").Single(map => map.Name() == DatabaseJob.ScriptConfigMap)["data"]![Kubernetes.DatabaseScript.FileName]!.GetValue<string>();

    /// <summary>Runs a program to the end; a missing program fails the test, as the tools are prerequisites.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string input, params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo)!;
        await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public static async Task<(int ExitCode, string Output, string Error)> KustomizeAsync(string overlay)
    {
        var copy = Directory.CreateTempSubdirectory("kubernetes-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Tree, "*", SearchOption.AllDirectories).Where(file => !file.EndsWith(".env", StringComparison.Ordinal)))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(Tree, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target.EndsWith(".env.example", StringComparison.Ordinal) ? target[..^".example".Length] : target);
            }
            return await RunAsync("kubectl", "", "kustomize", Path.Combine(copy, "overlays", overlay));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Platform.sln above {start}.");
    }

    private static async Task<IReadOnlyList<JsonObject>> RenderAsync(string overlay)
    {
        var (exitCode, yaml, error) = await KustomizeAsync(overlay);
        Assert.True(exitCode == 0, error);
        var (pythonExit, json, pythonError) = await RunAsync(
            "python3", yaml, "-c", "import json,sys,yaml; json.dump(list(yaml.safe_load_all(sys.stdin)), sys.stdout)");
        Assert.True(pythonExit == 0, pythonError);
        return [.. JsonNode.Parse(json)!.AsArray().Select(item => item!.AsObject())];
    }
}
