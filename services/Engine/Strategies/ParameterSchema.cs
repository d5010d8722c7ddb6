namespace Platform.Engine.Strategies;

/// <summary>One typed strategy parameter as the catalog publishes it; <see cref="Default"/> is an int, double or bool.</summary>
public sealed record ParameterSchema(
    string Name,
    ParameterType Type,
    object Default,
    double? Min,
    double? Max,
    string Description)
{
    public static ParameterSchema Int(string name, int defaultValue, int min, int max, string description) =>
        new(name, ParameterType.Int, defaultValue, min, max, description);

    public static ParameterSchema Decimal(string name, double defaultValue, double min, double max, string description) =>
        new(name, ParameterType.Decimal, defaultValue, min, max, description);

    public static ParameterSchema Bool(string name, bool defaultValue, string description) =>
        new(name, ParameterType.Bool, defaultValue, null, null, description);
}
