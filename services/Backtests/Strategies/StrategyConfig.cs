using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Configuration;
using Platform.Engine.Strategies;
using Platform.ServiceDefaults.Json;

namespace Platform.Backtests.Strategies;

/// <summary>
/// A strategy's configuration checked against the engine (<see cref="StrategyCatalog.Default"/>): errors are keyed by the
/// request field that holds it and the path inside (<c>config.fast</c>, <c>config.rules.enter_long.left</c>).
/// </summary>
internal static class StrategyConfig
{
    /// <summary>The error key used when the strategy type itself is not one of the engine's built-ins.</summary>
    public const string TypeField = "strategy_type";

    /// <summary>The request field that holds parameters, in strategies and in backtests alike.</summary>
    public const string ConfigField = "config";

    /// <summary>Adds a 400 error under <paramref name="field"/> unless <paramref name="value"/> is absent, null or a JSON object naming each parameter once.</summary>
    public static void CheckObject(JsonElement? value, string field, Dictionary<string, string[]> errors) =>
        JsonInput.Check(value, field, JsonValueKind.Object, errors);

    /// <summary>A value that passed <see cref="CheckObject"/> as a <see cref="JsonObject"/>, or null when absent.</summary>
    public static JsonObject? ToObject(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } element ? JsonObject.Create(element) : null;

    /// <summary>
    /// What a strategy of <paramref name="strategyType"/> stores for <paramref name="config"/>, checked: a configuration of
    /// the original system as given (read onto the rule language, docs/strategy-language.md); a rule document as given;
    /// a shipped type's parameters complete, defaults filled in. Errors are keyed <c>config.&lt;path&gt;</c>, or
    /// <see cref="TypeField"/> for an unknown type.
    /// </summary>
    public static ValidationResult<JsonObject> Check(string strategyType, JsonObject? config)
    {
        var errors = new Dictionary<string, string[]>();
        if (OriginalConfig.Uses(config))
        {
            return OriginalConfig.Read(config!, errors) is null ? Failure(errors) : ValidationResult<JsonObject>.Success(config!);
        }
        var definition = StrategyCatalog.Default.Resolve(strategyType, strategyType == StrategyCatalog.RulesType ? JsonSerializer.SerializeToElement(config) : null);
        if (definition.Value is not { } found)
        {
            return ValidationResult<JsonObject>.Failure(definition.Errors.ToDictionary(
                e => e.Key == TypeField ? TypeField : $"{ConfigField}.{e.Key}".TrimEnd('.'), e => e.Value, StringComparer.Ordinal));
        }
        if (found.Name == StrategyCatalog.RulesType)
        {
            return ValidationResult<JsonObject>.Success(config!);
        }
        var result = StrategyCatalog.Validate(found, (config ?? []).ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal));
        return result.Value is { } spec
            ? ValidationResult<JsonObject>.Success(ToJson(spec))
            : ValidationResult<JsonObject>.Failure(result.Errors.ToDictionary(e => $"{ConfigField}.{e.Key}", e => e.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// A change of <paramref name="strategy"/>'s configuration, checked like <see cref="Check"/>: given keys go on top of the
    /// stored parameters, while a rule document or a new type replaces what was stored.
    /// </summary>
    public static ValidationResult<JsonObject> Change(Strategy strategy, string? newType, JsonObject? given)
    {
        var type = newType ?? strategy.StrategyType;
        if (type != strategy.StrategyType || type == StrategyCatalog.RulesType)
        {
            return Check(type, given ?? strategy.Config);
        }
        var merged = strategy.Config.DeepClone().AsObject();
        foreach (var (name, value) in given ?? [])
        {
            merged[name] = value?.DeepClone();
        }
        return Check(type, merged);
    }

    /// <summary>How each key of an original system's configuration is read; null for any other configuration.</summary>
    public static IReadOnlyList<ConfigReading>? ReadingOf(JsonObject config) =>
        OriginalConfig.Uses(config) ? OriginalConfig.Read(config, []) is { } reading ? reading.Readings : null : null;

    private static ValidationResult<JsonObject> Failure(Dictionary<string, string[]> errors) =>
        ValidationResult<JsonObject>.Failure(errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value), StringComparer.Ordinal));

    /// <summary>The complete parameter set of a validated spec, as stored in <c>strategies.config</c>.</summary>
    private static JsonObject ToJson(StrategySpec spec)
    {
        var config = new JsonObject();
        foreach (var (name, value) in spec.Parameters.Values)
        {
            config[name] = value switch
            {
                int number => JsonValue.Create(number),
                double number => JsonValue.Create(number),
                _ => JsonValue.Create((bool)value),
            };
        }
        return config;
    }
}
