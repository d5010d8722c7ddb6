using System.Text.Json;

namespace Platform.ServiceDefaults.Json;

/// <summary>
/// Checks free-form JSON fields before they become <see cref="System.Text.Json.Nodes.JsonNode"/>s: a repeated property
/// name makes <see cref="System.Text.Json.Nodes.JsonObject"/> throw, so it is refused up front as a 400.
/// </summary>
public static class JsonInput
{
    /// <summary>Adds an error under <paramref name="field"/> unless the value is absent, null, or of <paramref name="kind"/> with no repeated name at any depth.</summary>
    public static void Check(JsonElement? value, string field, JsonValueKind kind, Dictionary<string, string[]> errors)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } element)
        {
            return;
        }
        if (element.ValueKind != kind)
        {
            errors[field] = [$"{field} must be a JSON {(kind == JsonValueKind.Object ? "object" : "array")}."];
        }
        else if (RepeatedName(element) is { } repeated)
        {
            errors[field] = [$"{field} names '{repeated}' more than once."];
        }
    }

    private static string? RepeatedName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().GroupBy(property => property.Name).FirstOrDefault(group => group.Count() > 1)?.Key
                                ?? element.EnumerateObject().Select(property => RepeatedName(property.Value)).FirstOrDefault(name => name is not null),
        JsonValueKind.Array => element.EnumerateArray().Select(RepeatedName).FirstOrDefault(name => name is not null),
        _ => null,
    };
}
