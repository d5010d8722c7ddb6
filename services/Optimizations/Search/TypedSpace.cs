using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Optimizations.Search;

/// <summary>
/// The original system's typed parameter spaces (<c>{"type": "int"|"float"|"categorical", "low", "high", "step", "choices"}</c>)
/// read onto lists and <c>{min, max, step}</c> ranges, which every run understands; other entries are kept as written. A
/// float without a step is cut into 100 equal steps, as a search here ranges over discrete values.
/// </summary>
internal static class TypedSpace
{
    public const int FloatSteps = 100;

    /// <summary>The space with typed entries rewritten, or null with errors keyed <c>{field}.{parameter}</c>.</summary>
    public static JsonElement? Normalize(JsonElement space, string field, Dictionary<string, string[]> errors)
    {
        var normalized = new JsonObject();
        foreach (var property in space.EnumerateObject())
        {
            var name = $"{field}.{property.Name}";
            if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.TryGetProperty("type", out var type))
            {
                normalized[property.Name] = JsonNode.Parse(property.Value.GetRawText());
                continue;
            }
            if (property.Value.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.True)
            {
                errors[name] = ["a log scale is not supported: list the values instead."];
                continue;
            }
            if (type.ValueKind != JsonValueKind.String)
            {
                errors[name] = ["type must be int, float or categorical."];
                continue;
            }
            normalized[property.Name] = Entry(type.GetString()!, property.Value, name, errors);
        }
        return errors.Count > 0 ? null : JsonSerializer.SerializeToElement(normalized);
    }

    private static JsonNode? Entry(string type, JsonElement entry, string name, Dictionary<string, string[]> errors)
    {
        if (type == "categorical")
        {
            if (!entry.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
            {
                errors[name] = ["a categorical parameter needs a non-empty choices list."];
                return null;
            }
            return JsonNode.Parse(choices.GetRawText());
        }
        if (type is not ("int" or "float"))
        {
            errors[name] = ["type must be int, float or categorical."];
            return null;
        }
        if (Number(entry, "low") is not { } low || Number(entry, "high") is not { } high || high < low)
        {
            errors[name] = ["low and high must be numbers, low ≤ high."];
            return null;
        }
        var step = Number(entry, "step");
        if (type == "int" && (low != Math.Floor(low) || high != Math.Floor(high) || step is { } s && (s < 1 || s != Math.Floor(s))))
        {
            errors[name] = ["an int parameter needs whole numbers low and high, and a whole step of at least 1."];
            return null;
        }
        if (step is <= 0)
        {
            errors[name] = ["step must be greater than 0."];
            return null;
        }
        return new JsonObject
        {
            ["min"] = low,
            ["max"] = high,
            ["step"] = step ?? (type == "int" ? 1 : high > low ? (high - low) / FloatSteps : 1),
        };
    }

    private static double? Number(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && double.IsFinite(value.GetDouble()) ? value.GetDouble() : null;
}
