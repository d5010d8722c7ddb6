using System.Globalization;
using System.Text.Json;

namespace Platform.Engine.Strategies;

internal static class ParameterParser
{
    /// <summary>The typed value (int, double or bool) or an error message.</summary>
    public static (object? Value, string? Error) Parse(ParameterSchema schema, RawValue raw) => schema.Type switch
    {
        ParameterType.Int => raw.Kind == JsonValueKind.Number && raw.Number == Math.Round(raw.Number) && Math.Abs(raw.Number) <= int.MaxValue
            ? InRange(schema, raw.Number, (int)raw.Number)
            : (null, "must be an integer"),
        ParameterType.Decimal => raw.Kind == JsonValueKind.Number && double.IsFinite(raw.Number)
            ? InRange(schema, raw.Number, raw.Number)
            : (null, "must be a number"),
        // 1 and 0 are accepted so numeric grids (parameter → list of doubles) can sweep flags too.
        _ => raw.Kind is JsonValueKind.True or JsonValueKind.False || (raw.Kind == JsonValueKind.Number && raw.Number is 0 or 1)
            ? (raw.Kind == JsonValueKind.True || raw.Number == 1, null)
            : (null, "must be true or false"),
    };

    private static (object? Value, string? Error) InRange(ParameterSchema schema, double number, object value) =>
        (schema.Min, schema.Max) switch
        {
            ({ } min, { } max) when number < min || number > max => (null, $"must be between {Format(min)} and {Format(max)}"),
            ({ } min, null) when number < min => (null, $"must be at least {Format(min)}"),
            (null, { } max) when number > max => (null, $"must be at most {Format(max)}"),
            _ => (value, null),
        };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
