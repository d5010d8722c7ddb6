using Microsoft.Extensions.Configuration;
using System.Text.Json.Nodes;
using System.Diagnostics;
using Platform.AppHost.Model;
using Platform.AppHost.Publishing;
using Platform.AppHost.Running;

namespace Platform.AppHost.Tests;

public sealed class ManifestStaysCurrent
{
    private static readonly string Root = AppHostOptions.FindRepositoryRoot(AppContext.BaseDirectory);

    [Fact]
    public void TheCommittedManifestEqualsAFreshPublish()
    {
        var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "aspire-manifest.json")));

        Assert.True(JsonNode.DeepEquals(committed, Publish()),
            "aspire-manifest.json is stale: run 'dotnet run --project AppHost -- publish --output aspire-manifest.json'.");
    }

    [Fact]
    public async Task TheManifestValidatesAgainstAspiresSchema()
    {
        // A copy of the team's spec/aspire-8.0.schema.json, kept in the repository so that any clone can run the check.
        var schemaPath = Path.Combine(Root, "tests", "AppHost.Tests", "Schemas", "aspire-8.0.schema.json");
        Assert.True(File.Exists(schemaPath), $"The schema is expected at {schemaPath}.");
        var manifestPath = Path.GetTempFileName();
        await File.WriteAllTextAsync(manifestPath, Publish()!.ToJsonString());
        try
        {
            // Python's jsonschema is the reference validator on the project's machines.
            var startInfo = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in (string[])["-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))", manifestPath, schemaPath])
            {
                startInfo.ArgumentList.Add(argument);
            }
            using var python = Process.Start(startInfo)!;
            var errors = await python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync();

            Assert.True(python.ExitCode == 0, errors);
        }
        finally
        {
            File.Delete(manifestPath);
        }
    }

    [Fact]
    public void ProjectsGetAspiresEnvironmentInCallOrder()
    {
        var manifest = Publish()!["resources"]!;
        var optimizations = manifest["optimizations"]!["env"]!.AsObject().Select(pair => (pair.Key, pair.Value!.GetValue<string>())).ToList();

        Assert.Equal(
        [
            ("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES", "true"),
            ("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES", "true"),
            ("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory"),
            ("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true"),
            ("HTTP_PORTS", "{optimizations.bindings.http.targetPort}"),
            ("ConnectionStrings__optimizationsdb", "{optimizationsdb.connectionString}"),
            ("ConnectionStrings__redis", "{redis.connectionString}"),
            ("services__marketdata__http__0", "{marketdata.bindings.http.url}"),
            ("services__backtests__http__0", "{backtests.bindings.http.url}"),
        ], optimizations);
        Assert.Equal("services/Optimizations/Optimizations.csproj", manifest["optimizations"]!["path"]!.GetValue<string>());
        Assert.True(manifest["gateway"]!["bindings"]!["http"]!["external"]!.GetValue<bool>());
        Assert.Null(manifest["backtests"]!["bindings"]!["http"]!["external"]);
    }

    [Fact]
    public void ParametersComeLastAndDatabasesReferenceTheirServer()
    {
        var resources = Publish()!["resources"]!.AsObject();

        Assert.Equal(["postgres-password", "redis-password"], resources.Select(pair => pair.Key).TakeLast(2));
        Assert.Equal("{postgres.connectionString};Database=backtestsdb", resources["backtestsdb"]!["connectionString"]!.GetValue<string>());
        Assert.Equal(22, resources["redis-password"]!["inputs"]!["value"]!["default"]!["generate"]!["minLength"]!.GetValue<int>());
    }

    [Fact]
    public async Task PublishWritesIntoADirectoryAsAspireDoes()
    {
        var directory = Directory.CreateTempSubdirectory("manifest-").FullName;
        try
        {
            var output = new StringWriter();
            var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
                .AddCommandLine(["--publisher", "manifest", "--output-path", directory]).Build();

            var exitCode = await CommandLine.RunAsync(["--publisher", "manifest", "--output-path", directory], configuration, output, TextWriter.Null);

            Assert.Equal(0, exitCode);
            Assert.True(File.Exists(Path.Combine(directory, "aspire-manifest.json")));
            Assert.Contains("Published manifest to:", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task PublishWithoutAnOutputFailsWithAMessage()
    {
        var error = new StringWriter();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        var exitCode = await CommandLine.RunAsync(["publish"], configuration, TextWriter.Null, error);

        Assert.Equal(1, exitCode);
        Assert.Contains("--output", error.ToString(), StringComparison.Ordinal);
    }

    private static JsonNode? Publish()
    {
        using var stream = new MemoryStream();
        ManifestWriter.Write(PlatformModel.Create(), stream, Root, Root);
        return JsonNode.Parse(stream.ToArray());
    }
}
