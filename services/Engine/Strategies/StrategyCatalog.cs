using System.Text.Json;
using Platform.Engine.Rules;

namespace Platform.Engine.Strategies;

/// <summary>
/// The strategy types the engine runs: the shipped ones by name, and <see cref="RulesType"/>, whose rule document a user
/// writes (docs/strategy-language.md). Validation names every offending field.
/// </summary>
public sealed class StrategyCatalog
{
    public const string RulesType = "rules";

    private readonly Dictionary<string, StrategyDefinition> byName;

    internal StrategyCatalog(IReadOnlyList<StrategyDefinition> definitions)
    {
        Strategies = definitions;
        byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public static StrategyCatalog Default { get; } = new(RuleLibrary.Load());

    /// <summary>The shipped strategies.</summary>
    public IReadOnlyList<StrategyDefinition> Strategies { get; }

    /// <summary>A user's rule document as a strategy type; errors are keyed by their JSON path inside the document.</summary>
    public static ValidationResult<StrategyDefinition> Define(JsonElement document)
    {
        var program = RuleProgram.Compile(document);
        var description = document.ValueKind == JsonValueKind.Object && document.TryGetProperty("description", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!
            : "A strategy written in the rule language.";
        return program.Value is { } compiled
            ? ValidationResult<StrategyDefinition>.Success(new StrategyDefinition(RulesType, description, compiled, document.Clone()))
            : ValidationResult<StrategyDefinition>.Failure(program.Errors);
    }

    /// <summary>
    /// A stored strategy's type: a shipped one by name, or for <see cref="RulesType"/> the rule document it stores. Errors
    /// are keyed <c>strategy_type</c>, or by the path inside the document.
    /// </summary>
    public ValidationResult<StrategyDefinition> Resolve(string type, JsonElement? document)
    {
        if (type == RulesType)
        {
            return document is { } rules
                ? Define(rules)
                : ValidationResult<StrategyDefinition>.Failure(new Dictionary<string, string> { [""] = "a rules strategy needs its rule document" });
        }
        return byName.TryGetValue(type, out var definition)
            ? ValidationResult<StrategyDefinition>.Success(definition)
            : ValidationResult<StrategyDefinition>.Failure(new Dictionary<string, string> { ["strategy_type"] = UnknownType(type) });
    }

    public ValidationResult<StrategySpec> Validate(string name, IReadOnlyDictionary<string, JsonElement> parameters) =>
        Validate(name, parameters.Select(kv => KeyValuePair.Create(kv.Key, RawValue.From(kv.Value))));

    public ValidationResult<StrategySpec> Validate(string name, IReadOnlyDictionary<string, double> parameters) =>
        Validate(name, parameters.Select(kv => KeyValuePair.Create(kv.Key, RawValue.From(kv.Value))));

    public static ValidationResult<StrategySpec> Validate(StrategyDefinition definition, IReadOnlyDictionary<string, JsonElement> parameters) =>
        Validate(definition, parameters.Select(kv => KeyValuePair.Create(kv.Key, RawValue.From(kv.Value))));

    public static ValidationResult<StrategySpec> Validate(StrategyDefinition definition, IReadOnlyDictionary<string, double> parameters) =>
        Validate(definition, parameters.Select(kv => KeyValuePair.Create(kv.Key, RawValue.From(kv.Value))));

    /// <summary>Validates and returns the spec, or throws <see cref="EngineValidationException"/> naming the fields.</summary>
    public StrategySpec Create(string name, IReadOnlyDictionary<string, double> parameters)
    {
        var result = Validate(name, parameters);
        return result.Value ?? throw new EngineValidationException(result.Errors);
    }

    private string UnknownType(string name) =>
        $"unknown strategy '{name}'; expected one of: {string.Join(", ", byName.Keys.Append(RulesType))}";

    private ValidationResult<StrategySpec> Validate(string name, IEnumerable<KeyValuePair<string, RawValue>> given) =>
        byName.TryGetValue(name, out var definition)
            ? Validate(definition, given)
            : ValidationResult<StrategySpec>.Failure(new Dictionary<string, string> { ["name"] = UnknownType(name) });

    private static ValidationResult<StrategySpec> Validate(StrategyDefinition definition, IEnumerable<KeyValuePair<string, RawValue>> given)
    {
        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var schema in definition.Parameters)
        {
            values[schema.Name] = schema.Default;
        }

        foreach (var (key, raw) in given)
        {
            var schema = definition.Parameters.FirstOrDefault(p => p.Name == key);
            var (value, error) = schema is null ? (null, $"is not a parameter of {definition.Name}") : ParameterParser.Parse(schema, raw);
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
        if (errors.Count == 0)
        {
            foreach (var (field, message) in definition.Program.Check(parameters))
            {
                errors[field] = message;
            }
        }

        return errors.Count == 0
            ? ValidationResult<StrategySpec>.Success(new StrategySpec(definition, parameters))
            : ValidationResult<StrategySpec>.Failure(errors);
    }
}
