using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Configuration;
using Platform.Engine.Data;
using Platform.Optimizations.Optimizations;

namespace Platform.Optimizations.Objectives;

/// <summary>
/// The engine settings of an optimization's runs from its <c>config</c>: the backtests' setting keys (direction, stops,
/// slippage, position size, htf_filters) plus <c>leverage</c> (default 1) and <c>commission</c> (fraction, default 0.0006).
/// </summary>
internal static class OptimizationSettings
{
    public const double DefaultCommission = 0.0006;

    public static RunConfiguration? Create(RunSpec spec, Optimization optimization, Dictionary<string, string[]> errors) =>
        Create(spec, optimization.Config is null ? null : JsonNode.Parse(optimization.Config)?.AsObject(), optimization.Timeframe, optimization.InitialCapital, errors);

    public static RunConfiguration? Create(RunSpec spec, JsonObject? config, string timeframe, double initialCapital, Dictionary<string, string[]> errors)
    {
        var settings = config?.DeepClone().AsObject() ?? [];
        var leverage = Take(settings, "leverage", 1, errors);
        var commission = Take(settings, "commission", DefaultCommission, errors);
        return RunConfiguration.Create(spec.StrategyType, spec.StrategyDefaults, settings, Interval.Parse(timeframe), initialCapital, (int)leverage, commission, errors);
    }

    private static double Take(JsonObject settings, string key, double fallback, Dictionary<string, string[]> errors)
    {
        var node = settings[key];
        settings.Remove(key);
        if (node is null)
        {
            return fallback;
        }
        if (node.GetValueKind() == JsonValueKind.Number && node.Deserialize<double>() is var value && double.IsFinite(value))
        {
            return value;
        }
        errors[$"config.{key}"] = ["must be a number."];
        return fallback;
    }
}
