using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Strategies;

namespace Platform.Engine.Configuration;

/// <summary>Which strategy a stored type and configuration run, shared by runs and by the strategy validation endpoint.</summary>
public static class StrategyResolution
{
    /// <summary>
    /// The strategy a run executes and the parameters it sets: a configuration of the original system read as a rule
    /// document; a rule strategy's document with the run's values for its placeholders; or a shipped strategy's stored
    /// parameters with the run's on top.
    /// </summary>
    public static ResolvedStrategy Resolve(
        string strategyType, JsonObject? strategyDefaults, JsonObject? config, Dictionary<string, string[]> errors)
    {
        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (OriginalConfig.Uses(strategyDefaults) || OriginalConfig.Uses(config))
        {
            var merged = new JsonObject();
            foreach (var (key, value) in (strategyDefaults ?? []).Concat(config ?? []))
            {
                merged[key] = value?.DeepClone();
            }
            var original = OriginalConfig.Read(merged, errors);
            return new(original?.Definition, parameters, original?.Readings ?? []);
        }
        var isRules = strategyType == StrategyCatalog.RulesType;
        var resolved = StrategyCatalog.Default.Resolve(strategyType, isRules ? JsonSerializer.SerializeToElement(strategyDefaults) : null);
        foreach (var (field, message) in resolved.Errors)
        {
            errors[field == "strategy_type" ? field : $"strategy.config.{field}".TrimEnd('.')] = [message];
        }
        foreach (var source in isRules ? [config] : new[] { strategyDefaults, config })
        {
            foreach (var (key, value) in source ?? [])
            {
                if (!RunConfiguration.SettingKeys.Contains(key))
                {
                    parameters[key] = JsonSerializer.SerializeToElement(value);
                }
            }
        }
        return new(resolved.Value, parameters, []);
    }

}

/// <summary>A resolved strategy: null <see cref="Definition"/> when the errors say why.</summary>
public sealed record ResolvedStrategy(StrategyDefinition? Definition, Dictionary<string, JsonElement> Parameters, IReadOnlyList<ConfigReading> Readings);
