using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Grid;
using Platform.Optimizations.Optimizations;
using Platform.ServiceDefaults.Json;

namespace Platform.Optimizations.Objectives;

/// <summary>
/// What a run (grid or walk-forward) works with: the request's values where given, else the optimization's own (docs/api-behaviour.md, 3.7:
/// strategy config, parameter space and metric), the objective with its direction and constraints, the number of valid
/// combinations, and the size of the space, valid or not, which a grid's chunks are cut from.
/// </summary>
internal sealed record RunInputs(RunSpec Spec, JsonElement Ranges, JsonObject? Config, int Combinations, long SpaceSize)
{
    /// <summary>Checks the request's fields (errors keyed by field) before the optimization is looked up.</summary>
    public static void Check(JsonElement? strategyConfig, JsonElement? paramSpace, string? metric, string? direction, int? minTrades, double? maxDrawdown, Dictionary<string, string[]> errors)
    {
        JsonInput.Check(strategyConfig, "strategy_config", JsonValueKind.Object, errors);
        JsonInput.Check(paramSpace, "param_space", JsonValueKind.Object, errors);
        if (metric is not null && !Objective.IsKnown(metric))
        {
            errors["metric"] = [$"metric must be one of {string.Join(", ", Objective.MetricNames)}."];
        }
        if (direction is not (null or "maximize" or "minimize"))
        {
            errors["direction"] = ["direction must be maximize or minimize."];
        }
        if (minTrades is < 0 || maxDrawdown is not null and not (> 0 and <= 1))
        {
            errors["constraints"] = ["min_trades must be 0 or more and max_drawdown a fraction between 0 and 1."];
        }
    }

    /// <summary>
    /// The inputs, or null with the errors (an empty or oversized grid, settings the engine refuses). A search's space is
    /// bounded by <see cref="Search.SearchSettings.MaxSpace"/> and not expanded.
    /// </summary>
    public static RunInputs? Resolve(
        Optimization optimization,
        JsonElement? strategyConfig,
        JsonElement? paramSpace,
        string? metric,
        string? direction,
        int? minTrades,
        double? maxDrawdown,
        GridOptions limits,
        Dictionary<string, string[]> errors,
        bool search = false)
    {
        var chosen = metric ?? optimization.Metric;
        var spec = RunSpec.Parse(optimization.Objective!) with
        {
            Metric = chosen,
            Maximize = direction is null ? Objective.DefaultMaximize(chosen) : direction == "maximize",
            MinTrades = minTrades,
            MaxDrawdown = maxDrawdown,
        };
        var ranges = paramSpace is { ValueKind: JsonValueKind.Object } space && space.EnumerateObject().Any()
            ? space
            : JsonDocument.Parse(optimization.ParamRanges).RootElement;
        var config = strategyConfig is { ValueKind: JsonValueKind.Object } given && given.EnumerateObject().Any()
            ? JsonObject.Create(given)
            : optimization.Config is null ? null : JsonNode.Parse(optimization.Config)?.AsObject();
        return OptimizationsApi.Space(spec, ranges, config, optimization.Timeframe, optimization.InitialCapital, limits, errors, search) is { } counted
               && errors.Count == 0
            ? new RunInputs(spec, ranges, config, counted.Combinations, counted.Space.Size)
            : null;
    }
}
