using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Platform.Testing.OpenApi;

/// <summary>
/// A service's OpenAPI document as committed under <c>clients/openapi/</c>, the input the typed client is generated from.
/// The served document must equal it; with <see cref="UpdateVariable"/> set to 1 the check writes the served one instead,
/// which is how <c>scripts/generate-client.sh</c> refreshes the documents before regenerating the client.
/// </summary>
public static class CommittedDocument
{
    public const string UpdateVariable = "PLATFORM_UPDATE_OPENAPI_DOCUMENTS";

    /// <summary>Indented, and with backticks, quotes and non-ASCII text as they are, so that a change reads plainly in a diff.</summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string PathOf(string service) => Path.Combine(Repository.Root, "clients", "openapi", $"{service}.json");

    public static void AssertCurrent(string service, string served)
    {
        var document = Canonical(served);
        var path = PathOf(service);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, document);
            return;
        }
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";
        Assert.True(
            committed == document,
            $"{path} is not the document the {service} service serves: run scripts/generate-client.sh and commit what it changes.");
    }

    /// <summary>The document without its <c>servers</c>, which name the host it was read from, with a final newline.</summary>
    private static string Canonical(string served)
    {
        var document = JsonNode.Parse(served)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }
}
