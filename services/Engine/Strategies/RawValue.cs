using System.Text.Json;

namespace Platform.Engine.Strategies;

/// <summary>A parameter value as received, before it is checked against its schema.</summary>
internal readonly record struct RawValue(JsonValueKind Kind, double Number, string? Text)
{
    public static RawValue From(double number) => new(JsonValueKind.Number, number, null);

    public static RawValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDouble(out var number) => From(number),
        JsonValueKind.String => new(JsonValueKind.String, 0, element.GetString()),
        var kind => new(kind, 0, null),
    };
}
