using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Platform.Engine.Configuration;
using Platform.Engine.Data;
using Platform.Engine.Strategies;

namespace Platform.Backtests.Strategies;

/// <summary>The body of <c>POST /api/v1/strategies/validate</c>: a strategy as it would be created, and optionally the timeframe it would run on.</summary>
internal sealed record ValidateStrategyRequest(string? StrategyType, JsonElement? Config, string? Timeframe)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        StrategyFields.CheckType(StrategyType ?? "", errors);
        StrategyConfig.CheckObject(Config, StrategyConfig.ConfigField, errors);
        if (Timeframe is not null && !Interval.TryParse(Timeframe, out _))
        {
            errors["timeframe"] = ["timeframe must be one of 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W, M."];
        }
        return errors;
    }
}

/// <summary>
/// What validation found: <see cref="Valid"/> with the normalised configuration (what a strategy would store or run, defaults
/// written out), its parameters and its warm-up, or the errors keyed by field and JSON path.
/// </summary>
internal sealed record StrategyValidation(
    bool Valid,
    string StrategyType,
    JsonObject? Normalized,
    IReadOnlyList<ParameterView>? Parameters,
    [property: JsonPropertyName("warmup_bars")] int? WarmupBars,
    [property: JsonPropertyName("warmup_by_timeframe")] IReadOnlyDictionary<string, int>? WarmupByTimeframe,
    IReadOnlyDictionary<string, string[]> Errors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ConfigReading>? ConfigReading)
{
    /// <summary>
    /// Checks a strategy without storing it. <see cref="WarmupBars"/> counts the leading bars of <paramref name="timeframe"/>
    /// the rules cannot decide on; without a timeframe it is given only when no indicator reads a higher timeframe.
    /// </summary>
    public static StrategyValidation Of(string strategyType, JsonObject? config, string? timeframe)
    {
        var stored = StrategyConfig.Check(strategyType, config);
        if (stored.Value is not { } normalizedConfig)
        {
            return Invalid(strategyType, stored.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }
        var errors = new Dictionary<string, string[]>();
        var resolved = StrategyResolution.Resolve(strategyType, normalizedConfig, null, errors);
        var spec = StrategyCatalog.Validate(resolved.Definition!, resolved.Parameters).Value!;
        var definition = spec.Definition;
        var interval = timeframe is null ? (Interval?)null : Interval.Parse(timeframe);
        foreach (var (path, higher) in interval is { } run ? definition.HigherTimeframes.Where(h => !h.Timeframe.Nests(run)) : [])
        {
            errors[$"{StrategyConfig.ConfigField}.{path}"] = [$"{higher.Code} must be a higher timeframe that {interval!.Value.Code} bars fit into exactly."];
        }
        if (errors.Count > 0)
        {
            return Invalid(strategyType, errors);
        }
        var byTimeframe = definition.WarmUpByTimeframe(spec.Parameters);
        int? warmUp = interval is { } on ? definition.WarmUpBars(spec.Parameters, on) : byTimeframe.Count == 1 ? byTimeframe[""] : null;
        var isShipped = definition.Name == strategyType && strategyType != StrategyCatalog.RulesType && resolved.Readings.Count == 0;
        return new StrategyValidation(
            true,
            strategyType,
            isShipped ? normalizedConfig : definition.Normalized,
            [.. definition.Parameters.Select(ParameterView.From)],
            warmUp,
            byTimeframe,
            new Dictionary<string, string[]>(),
            resolved.Readings.Count > 0 ? resolved.Readings : null);
    }

    private static StrategyValidation Invalid(string strategyType, Dictionary<string, string[]> errors) =>
        new(false, strategyType, null, null, null, null, errors, null);
}
