using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Platform.Client;

/// <summary>
/// Free-form JSON in the generated models (a strategy's configuration, parameter ranges, metrics) is an
/// <see cref="UntypedNode"/>: these convert it from and to JSON text.
/// </summary>
public static class UntypedJson
{
    /// <summary>The node reads the JSON when it is written, so it keeps its own copy of the parsed text.</summary>
    public static UntypedNode Parse(string json) =>
        new JsonParseNode(JsonDocument.Parse(json).RootElement.Clone()).GetObjectValue(UntypedNode.CreateFromDiscriminatorValue)!;

    public static string Write(UntypedNode node) => KiotaJsonSerializer.SerializeAsString(node);

    /// <summary>The node as a <see cref="JsonElement"/>, to read nested values with the usual accessors.</summary>
    public static JsonElement ToElement(UntypedNode node) => JsonDocument.Parse(Write(node)).RootElement.Clone();
}
