using Platform.Engine.Rules;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.Engine.Tests.Rules;

/// <summary>
/// The rule language's JSON Schema is a published contract: editors and clients validate documents with it, so every
/// change to it (a limit, a description, an indicator's default) must be one the committed copy in
/// <c>docs/strategy-language.schema.json</c> shows in review. With <c>PLATFORM_UPDATE_RULE_SCHEMA=1</c> the test writes
/// the schema the engine builds instead.
/// </summary>
public sealed class TheLanguageSchemaIsTheCommittedOne
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void TheBuiltSchemaEqualsTheCommittedFile()
    {
        var built = RuleSchema.Build().ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(RepositoryRoot(), "docs", "strategy-language.schema.json");
        if (Environment.GetEnvironmentVariable("PLATFORM_UPDATE_RULE_SCHEMA") == "1")
        {
            File.WriteAllText(path, built);
            return;
        }

        var committed = File.Exists(path) ? File.ReadAllText(path) : "";

        Assert.True(committed == built, $"{path} is not the schema the engine builds: run the Engine tests with PLATFORM_UPDATE_RULE_SCHEMA=1 and commit the file.");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }
}
