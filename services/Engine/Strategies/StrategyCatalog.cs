using System.Text.Json;
using Platform.Engine.Strategies.BuiltIn;

namespace Platform.Engine.Strategies;

/// <summary>The strategy types the engine can run, with their parameter schemas and validation.</summary>
public sealed class StrategyCatalog
{
    private readonly Dictionary<string, StrategyDefinition> byName;

    internal StrategyCatalog(IReadOnlyList<StrategyDefinition> definitions)
    {
        Strategies = definitions;
        byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public static StrategyCatalog Default { get; } = new([
        SmaCrossover.Definition,
        EmaCrossover.Definition,
        RsiMeanReversion.Definition,
        BollingerReversion.Definition,
        MacdCrossover.Definition,
        DonchianBreakout.Definition,
    ]);

    public IReadOnlyList<StrategyDefinition> Strategies { get; }

    public ValidationResult<StrategySpec> Validate(string name, IReadOnlyDictionary<string, JsonElement> parameters) =>
        Validate(name, parameters.Select(kv => KeyValuePair.Create(kv.Key, RawValue.From(kv.Value))));

    public ValidationResult<StrategySpec> Validate(string name, IReadOnlyDictionary<string, double> parameters) =>
        Validate(name, parameters.Select(kv => KeyValuePair.Create(kv.Key, RawValue.From(kv.Value))));

    /// <summary>Validates and returns the spec, or throws <see cref="EngineValidationException"/> naming the fields.</summary>
    public StrategySpec Create(string name, IReadOnlyDictionary<string, double> parameters)
    {
        var result = Validate(name, parameters);
        return result.Value ?? throw new EngineValidationException(result.Errors);
    }

    private ValidationResult<StrategySpec> Validate(string name, IEnumerable<KeyValuePair<string, RawValue>> given)
    {
        if (!byName.TryGetValue(name, out var definition))
        {
            return ValidationResult<StrategySpec>.Failure(new Dictionary<string, string>
            {
                ["name"] = $"unknown strategy '{name}'; expected one of: {string.Join(", ", byName.Keys)}",
            });
        }

        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var schema in definition.Parameters)
        {
            values[schema.Name] = schema.Default;
        }

        foreach (var (key, raw) in given)
        {
            var schema = definition.Parameters.FirstOrDefault(p => p.Name == key);
            var (value, error) = schema is null ? (null, $"is not a parameter of {name}") : ParameterParser.Parse(schema, raw);
            if (error is null)
            {
                values[key] = value!;
            }
            else
            {
                errors[key] = error;
            }
        }

        var parameters = new StrategyParameters(values);
        if (errors.Count == 0 && definition.CrossCheck(parameters) is var (field, message))
        {
            errors[field] = message;
        }

        return errors.Count == 0
            ? ValidationResult<StrategySpec>.Success(new StrategySpec(definition, parameters))
            : ValidationResult<StrategySpec>.Failure(errors);
    }
}
