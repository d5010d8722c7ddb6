namespace Platform.Kubernetes.Tests;

public sealed class CommandLineReportsMistakes
{
    public static TheoryData<string[]> IncompleteArguments =>
    [
        [],
        ["--manifest", "aspire-manifest.json"],
        ["--output", "deploy/kubernetes"],
        ["--manifest", "aspire-manifest.json", "--output"],
        ["--manifest", "aspire-manifest.json", "--output", "deploy/kubernetes", "--force", "yes"],
        ["kubernetes", "--output", "deploy/kubernetes"],
    ];

    [Theory]
    [MemberData(nameof(IncompleteArguments))]
    public void MissingOrUnknownArgumentsPrintTheUsageAndExitWithTwo(string[] arguments)
    {
        var error = new StringWriter();

        var exitCode = CommandLine.Run(arguments, TextWriter.Null, error);

        Assert.Equal(2, exitCode);
        Assert.Equal(CommandLine.Usage + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void AMissingManifestFileIsAnErrorNamingIt()
    {
        var error = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json");

        var exitCode = CommandLine.Run(["--manifest", missing, "--output", Path.GetTempPath()], TextWriter.Null, error);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: {missing}:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AManifestThatIsNotJsonIsAnError()
    {
        var (exitCode, error) = Generate("resources: {}");

        Assert.Equal(1, exitCode);
        Assert.Contains("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownPlaceholderIsAnErrorNamingIt()
    {
        var (exitCode, error) = Generate(TestManifests.Of("""
            "api": { "type": "project.v0", "path": "api.csproj", "env": { "X": "{api.bindings.http.certificate}" },
              "bindings": { "http": { "scheme": "http", "protocol": "tcp", "transport": "http" } } }
            """));

        Assert.Equal(1, exitCode);
        Assert.Contains("No Kubernetes value for the placeholder {api.bindings.http.certificate}.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void APlaceholderOfAnUnknownResourceIsAnErrorNamingIt()
    {
        var (exitCode, error) = Generate(TestManifests.Of("""
            "api": { "type": "project.v0", "path": "api.csproj", "env": { "X": "{cache.connectionString}" } }
            """));

        Assert.Equal(1, exitCode);
        Assert.Contains("The manifest has no resource 'cache'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AResourceTypeWithoutAKubernetesFormIsAnError()
    {
        var (exitCode, error) = Generate("""{ "resources": { "site": { "type": "dockerfile.v0", "path": "Dockerfile" } } }""");

        Assert.Equal(1, exitCode);
        Assert.Contains("Resource 'site' has type 'dockerfile.v0', which has no Kubernetes form.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AResourceWithoutATypeIsAnErrorNamingIt()
    {
        var (exitCode, error) = Generate("""{ "resources": { "site": { "path": "Dockerfile" } } }""");

        Assert.Equal(1, exitCode);
        Assert.Contains("Resource 'site' cannot be read:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AManifestWithoutResourcesIsAnError()
    {
        var (exitCode, error) = Generate("""{ "$schema": "https://json.schemastore.org/aspire-8.0.json" }""");

        Assert.Equal(1, exitCode);
        Assert.Contains("The manifest has no 'resources' object.", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Error) Generate(string manifest)
    {
        var directory = Directory.CreateTempSubdirectory("kubernetes-").FullName;
        try
        {
            var path = Path.Combine(directory, "aspire-manifest.json");
            File.WriteAllText(path, manifest);
            var error = new StringWriter();
            var exitCode = CommandLine.Run(["--manifest", path, "--output", Path.Combine(directory, "tree")], TextWriter.Null, error);
            return (exitCode, error.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
