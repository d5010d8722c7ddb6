using System.Globalization;

namespace Platform.Engine.Strategies;

/// <summary>Validated parameter values, every schema parameter present, in ordinal name order.</summary>
public sealed class StrategyParameters
{
    private readonly SortedDictionary<string, object> values;

    internal StrategyParameters(SortedDictionary<string, object> values) => this.values = values;

    public IReadOnlyDictionary<string, object> Values => values;

    public int Int(string name) => (int)values[name];

    public double Number(string name) => values[name] is int i ? i : (double)values[name];

    public bool Flag(string name) => (bool)values[name];

    /// <summary>A canonical text form, identical for equal parameter sets, used in fingerprints.</summary>
    public override string ToString() =>
        string.Join(',', values.Select(kv => $"{kv.Key}={Format(kv.Value)}"));

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
