using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Platform.AppHost.Kubernetes;
using Platform.AppHost.Model;
using Platform.AppHost.Publishing;
using Platform.AppHost.Running;

namespace Platform.AppHost;

/// <summary>
/// The AppHost's verbs: <c>run</c> (the default), <c>publish --output &lt;path&gt;</c>,
/// <c>kubernetes --output &lt;directory&gt;</c> (the kustomize tree), and Aspire's own form
/// <c>--publisher manifest --output-path &lt;path&gt;</c>. Other <c>--Key=value</c> arguments are configuration.
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        try
        {
            var options = AppHostOptions.From(configuration);
            var model = PlatformModel.Create();
            if (args.FirstOrDefault() == "kubernetes")
            {
                var directory = configuration["output"] ?? throw new ArgumentException("kubernetes needs --output <directory>.");
                await output.WriteLineAsync($"Generated Kubernetes YAML in: {KubernetesTree.Write(model, directory)}");
                return 0;
            }
            if (args.FirstOrDefault() == "publish" || configuration["publisher"] == "manifest")
            {
                var path = configuration["output"] ?? configuration["output-path"]
                    ?? throw new ArgumentException("publish needs --output <path> (a .json file or a directory).");
                await output.WriteLineAsync($"Published manifest to: {Publish(model, options, path)}");
                return 0;
            }

            using var stopping = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            await new Orchestrator(model, options, configuration, output).RunAsync(stopping.Token);
            return 0;

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stopping.Cancel();
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IOException)
        {
            await error.WriteLineAsync($"AppHost: {exception.Message}");
            return 1;
        }
    }

    /// <summary>Writes the manifest; a path that does not end in <c>.json</c> is a directory, as in Aspire.</summary>
    public static string Publish(PlatformModel model, AppHostOptions options, string path)
    {
        var file = Path.GetFullPath(path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? path : Path.Combine(path, "aspire-manifest.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var stream = File.Create(file))
        {
            ManifestWriter.Write(model, stream, Path.GetDirectoryName(file)!, options.RepositoryRoot);
        }
        return file;
    }

    /// <summary>Maps the verb-style flags onto configuration keys so the rest reads them from <see cref="IConfiguration"/>.</summary>
    public static string[] Settings(string[] args) =>
        [.. args.Where(argument => argument is not ("run" or "publish" or "kubernetes"))];
}
