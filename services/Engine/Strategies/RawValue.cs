using System.Text.Json;

namespace Platform.Engine.Strategies;

/// <summary>A parameter value as received, before it is checked against its schema.</summary>
internal readonly record struct RawValue(JsonValueKind Kind, double Number)
{
    public static RawValue From(double number) => new(JsonValueKind.Number, number);

    public static RawValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDouble(out var number) => From(number),
        var kind => new(kind, 0),
    };
}
