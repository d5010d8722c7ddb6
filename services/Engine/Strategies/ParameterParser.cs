using System.Globalization;
using System.Text.Json;

namespace Platform.Engine.Strategies;

internal static class ParameterParser
{
    /// <summary>The typed value (int, double, bool or string) or an error message.</summary>
    public static (object? Value, string? Error) Parse(ParameterSchema schema, RawValue raw) => schema.Type switch
    {
        ParameterType.Int => raw.Kind == JsonValueKind.Number && raw.Number == Math.Round(raw.Number) && Math.Abs(raw.Number) <= int.MaxValue
            ? InRange(schema, raw.Number, (int)raw.Number)
            : (null, "must be an integer"),
        ParameterType.Decimal => raw.Kind == JsonValueKind.Number && double.IsFinite(raw.Number)
            ? InRange(schema, raw.Number, raw.Number)
            : (null, "must be a number"),
        // 1 and 0 are accepted so numeric grids (parameter → list of doubles) can sweep flags too.
        ParameterType.Bool => raw.Kind is JsonValueKind.True or JsonValueKind.False || (raw.Kind == JsonValueKind.Number && raw.Number is 0 or 1)
            ? (raw.Kind == JsonValueKind.True || raw.Number == 1, null)
            : (null, "must be true or false"),
        _ => raw.Text is { } text && schema.Options!.Contains(text)
            ? (text, null)
            : (null, $"must be one of: {string.Join(", ", schema.Options!)}"),
    };

    private static (object? Value, string? Error) InRange(ParameterSchema schema, double number, object value) =>
        number < schema.Min || number > schema.Max
            ? (null, $"must be between {Format(schema.Min!.Value)} and {Format(schema.Max!.Value)}")
            : (value, null);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
