using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Platform.AppHost.Tests.Publishing;

public sealed class ManifestStaysCurrent(PublishedManifest published) : IClassFixture<PublishedManifest>
{
    [Fact]
    public void TheCommittedManifestIsWhatAspiresPublisherWrites()
    {
        var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "aspire-manifest.json")));

        Assert.True(JsonNode.DeepEquals(committed, published.Json),
            "aspire-manifest.json is stale: run 'dotnet run --project AppHost -- --publisher manifest --output-path ../aspire-manifest.json'.");
    }

    [Fact]
    public async Task TheManifestValidatesAgainstTheSchemaWithTheRedisScheme()
    {
        // The repository's copy of Aspire's 8.0 schema predates the "redis" binding scheme that Aspire 13.6 writes.
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "tests", "AppHost.Tests", "Schemas", "aspire-8.0.schema.json")))!;
        schema["definitions"]!["bindings"]!["additionalProperties"]!["properties"]!["scheme"]!["enum"]!.AsArray().Add("redis");
        var schemaPath = Path.GetTempFileName();
        var manifestPath = Path.GetTempFileName();
        await File.WriteAllTextAsync(schemaPath, schema.ToJsonString());
        await File.WriteAllTextAsync(manifestPath, published.Text);
        try
        {
            var (exitCode, errors) = await ValidateAsync(manifestPath, schemaPath);

            Assert.True(exitCode == 0, errors);
        }
        finally
        {
            File.Delete(schemaPath);
            File.Delete(manifestPath);
        }
    }

    /// <summary>Python's jsonschema is the reference validator on the project's machines (scripts/prerequisites.sh installs it).</summary>
    private static async Task<(int ExitCode, string Errors)> ValidateAsync(string manifestPath, string schemaPath)
    {
        var startInfo = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])
            ["-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))", manifestPath, schemaPath])
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var python = Process.Start(startInfo)!;
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        return (python.ExitCode, errors);
    }
}
