using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Strategies;
using Platform.ServiceDefaults.Json;

namespace Platform.Backtests.Strategies;

/// <summary>
/// Strategy parameters checked against the engine's schemas (<see cref="StrategyCatalog.Default"/>): errors are keyed by
/// the request field that holds the parameters and the parameter's name (<c>config.fast</c>), and a valid set comes back as
/// the <see cref="StrategySpec"/> that <c>Backtester.Run</c> takes.
/// </summary>
internal static class StrategyConfig
{
    /// <summary>The error key used when the strategy type itself is not one of the engine's built-ins.</summary>
    public const string TypeField = "strategy_type";

    /// <summary>The request field that holds parameters, in strategies and in backtests alike.</summary>
    public const string ConfigField = "config";

    public static StrategyDefinition? Find(string strategyType) =>
        StrategyCatalog.Default.Strategies.FirstOrDefault(definition => definition.Name == strategyType);

    public static string UnknownType(string strategyType) =>
        $"unknown strategy type '{strategyType}'; expected one of: {string.Join(", ", StrategyCatalog.Default.Strategies.Select(d => d.Name))}";

    /// <summary>Adds a 400 error under <paramref name="field"/> unless <paramref name="value"/> is absent, null or a JSON object naming each parameter once.</summary>
    public static void CheckObject(JsonElement? value, string field, Dictionary<string, string[]> errors) =>
        JsonInput.Check(value, field, JsonValueKind.Object, errors);

    /// <summary>A value that passed <see cref="CheckObject"/> as a <see cref="JsonObject"/>, or null when absent.</summary>
    public static JsonObject? ToObject(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } element ? JsonObject.Create(element) : null;

    /// <summary>
    /// Checks <paramref name="config"/> against the type's schema; parameters it leaves out take their defaults. Errors are
    /// keyed <c>{field}.{parameter}</c>.
    /// </summary>
    public static ValidationResult<StrategySpec> Resolve(StrategyDefinition definition, JsonObject? config, string field = ConfigField)
    {
        var result = StrategyCatalog.Default.Validate(
            definition.Name,
            (config ?? []).ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal));
        return result.IsValid
            ? result
            : ValidationResult<StrategySpec>.Failure(result.Errors.ToDictionary(e => $"{field}.{e.Key}", e => e.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// The strategy's stored parameters with <paramref name="overrides"/> on top (a backtest's own values), checked against
    /// the type's schema. Errors are keyed <c>{field}.{parameter}</c>, or <see cref="TypeField"/> when the stored type is
    /// no longer built in. Read <paramref name="overrides"/> from a request with <see cref="CheckObject"/> and <see cref="ToObject"/>.
    /// </summary>
    public static ValidationResult<StrategySpec> Merge(Strategy strategy, JsonObject? overrides, string field = ConfigField)
    {
        if (Find(strategy.StrategyType) is not { } definition)
        {
            return ValidationResult<StrategySpec>.Failure(new Dictionary<string, string> { [TypeField] = UnknownType(strategy.StrategyType) });
        }
        var merged = strategy.Config.DeepClone().AsObject();
        foreach (var (name, value) in overrides ?? [])
        {
            merged[name] = value?.DeepClone();
        }
        return Resolve(definition, merged, field);
    }

    /// <summary>The complete parameter set of a validated spec, as stored in <c>strategies.config</c>.</summary>
    public static JsonObject ToJson(StrategySpec spec)
    {
        var config = new JsonObject();
        foreach (var (name, value) in spec.Parameters.Values)
        {
            config[name] = value switch
            {
                int number => JsonValue.Create(number),
                double number => JsonValue.Create(number),
                bool flag => JsonValue.Create(flag),
                _ => JsonValue.Create((string)value),
            };
        }
        return config;
    }
}
