using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Tests.Kubernetes;

public sealed class KubernetesTreeStaysCurrent
{
    [Fact]
    public async Task TheCommittedTreeEqualsAFreshGenerationByteForByte()
    {
        var directory = Directory.CreateTempSubdirectory("kubernetes-").FullName;
        try
        {
            var arguments = new[] { "kubernetes", "--output", directory };
            var configuration = new ConfigurationBuilder()
                .AddCommandLine(CommandLine.Settings(arguments)).Build();

            Assert.Equal(0, await CommandLine.RunAsync(arguments, configuration, TextWriter.Null, TextWriter.Null));

            var fresh = Files(directory);
            // The operator's filled-in secrets/*.env files are git-ignored and never generated.
            var committed = Files(RenderedOverlays.Tree).Where(file => !file.EndsWith(".env", StringComparison.Ordinal)).ToList();
            Assert.Equal(fresh, committed);
            Assert.All(fresh, file => Assert.True(
                File.ReadAllBytes(Path.Combine(directory, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(RenderedOverlays.Tree, file))),
                $"deploy/kubernetes/{file} is stale: run 'dotnet run --project AppHost -- kubernetes --output deploy/kubernetes'."));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task KubernetesWithoutAnOutputFailsWithAMessage()
    {
        var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["kubernetes"], new ConfigurationBuilder().Build(), TextWriter.Null, error);

        Assert.Equal(1, exitCode);
        Assert.Contains("--output", error.ToString(), StringComparison.Ordinal);
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(root, file)).Order(StringComparer.Ordinal)];
}
