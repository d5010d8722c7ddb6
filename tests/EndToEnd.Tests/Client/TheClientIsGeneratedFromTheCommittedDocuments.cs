using System.Diagnostics;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Client;

/// <summary>
/// The typed client under <c>clients/Platform.Client/</c> is what Kiota generates from the committed documents, which
/// each service's document test holds equal to what the service serves: so the client is the API as it is.
/// </summary>
public sealed partial class TheClientIsGeneratedFromTheCommittedDocuments
{
    private static readonly string[] Services = ["Backtests", "MarketData", "Optimizations", "Health"];

    [Fact]
    public async Task RegeneratingTheClientChangesNothing()
    {
        var scratch = Directory.CreateTempSubdirectory("platform-client-");
        try
        {
            await GenerateAsync(scratch.FullName);

            var committed = Path.Combine(Repository.Root, "clients", "Platform.Client");
            var differences = Services.SelectMany(service => Differences(Path.Combine(committed, service), Path.Combine(scratch.FullName, service))).ToList();
            Assert.True(
                differences.Count == 0,
                $"clients/Platform.Client is behind clients/openapi: run scripts/generate-client.sh.{Environment.NewLine}{string.Join(Environment.NewLine, differences.Take(20))}");
            Assert.True(Services.Sum(service => Directory.GetFiles(Path.Combine(committed, service), "*.cs", SearchOption.AllDirectories).Length) > 100);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task GenerateAsync(string output)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "scripts", "kiota-generate.sh"), output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"kiota-generate.sh exited {process.ExitCode}: {await standardOutput}{await standardError}");
    }

    /// <summary>Files only on one side, and files whose text differs; the lock file's path to its document is left out, as it depends on where the client was generated.</summary>
    private static IEnumerable<string> Differences(string committed, string regenerated)
    {
        var committedFiles = Files(committed);
        var regeneratedFiles = Files(regenerated);
        foreach (var file in committedFiles.Keys.Union(regeneratedFiles.Keys).Order(StringComparer.Ordinal))
        {
            if (!committedFiles.TryGetValue(file, out var before))
            {
                yield return $"missing: {file}";
            }
            else if (!regeneratedFiles.TryGetValue(file, out var after))
            {
                yield return $"no longer generated: {file}";
            }
            else if (Comparable(before) != Comparable(after))
            {
                yield return $"differs: {file}";
            }
        }
    }

    private static Dictionary<string, string> Files(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(directory, file), File.ReadAllText, StringComparer.Ordinal);

    private static string Comparable(string text) => DescriptionLocation().Replace(text.ReplaceLineEndings("\n"), "");

    [GeneratedRegex("""^\s*"descriptionLocation": ".*",\n""", RegexOptions.Multiline)]
    private static partial Regex DescriptionLocation();
}
