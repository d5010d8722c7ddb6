using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Configuration;
using Platform.Engine.Optimization;
using Platform.Engine.Strategies;

namespace Platform.Optimizations.Objectives;

/// <summary>
/// A parameter space: per parameter a list of values (<c>[7, 14, 21]</c>) or a range (<c>{"min": 5, "max": 50, "step": 5}</c>,
/// both ends included). Its combinations are the Cartesian product, validated by the engine (e.g. fast &lt; slow).
/// </summary>
internal sealed class ParameterSpace
{
    private ParameterSpace(IReadOnlyDictionary<string, IReadOnlyList<double>> axes) => Axes = axes;

    public IReadOnlyDictionary<string, IReadOnlyList<double>> Axes { get; }

    /// <summary>Number of combinations before validation: the product of the axis lengths.</summary>
    public long Size => ParameterGrid.Size(Axes);

    /// <summary>
    /// The space of <paramref name="json"/>, or null with errors keyed <c>{field}.{parameter}</c>. Each list holds at most
    /// <paramref name="maxValues"/> values, and the product of the list lengths (after duplicates are dropped) at most
    /// <paramref name="maxCombinations"/>: both are checked while parsing, so an oversized space is refused before anything
    /// is expanded, naming the parameter that crossed the limit.
    /// </summary>
    public static ParameterSpace? Parse(JsonElement? json, string field, int maxValues, long maxCombinations, Dictionary<string, string[]> errors)
    {
        if (json is not { ValueKind: JsonValueKind.Object } space)
        {
            errors[field] = [$"{field} must be an object of parameter names to a list of values or a {{\"min\", \"max\", \"step\"}} range."];
            return null;
        }
        var axes = new SortedDictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        long size = 1;
        var oversized = false;
        foreach (var property in space.EnumerateObject())
        {
            var name = $"{field}.{property.Name}";
            var values = Axis(property.Value, name, maxValues, errors);
            if (values is null)
            {
                continue;
            }
            if (values.Count == 0)
            {
                errors[name] = ["needs at least one value."];
                continue;
            }
            axes[property.Name] = values;
            if (oversized)
            {
                continue;
            }
            // size ≤ maxCombinations here, so comparing by division cannot overflow where a product could.
            if (size > maxCombinations / values.Count)
            {
                errors[name] = [string.Create(
                    CultureInfo.InvariantCulture,
                    $"with its {values.Count} values the grid holds {(decimal)size * values.Count} combinations, more than the {maxCombinations} allowed.")];
                oversized = true;
                continue;
            }
            size *= values.Count;
        }
        if (axes.Count == 0 && errors.Count == 0)
        {
            errors[field] = [$"{field} is empty: name at least one parameter."];
        }
        return errors.Count == 0 ? new ParameterSpace(axes) : null;
    }

    /// <summary>
    /// The combinations the engine accepts for <paramref name="strategyType"/>, in a fixed order, and how many it refused.
    /// Parameters outside the space keep the strategy's stored values (<paramref name="defaults"/>), not the schema's.
    /// </summary>
    public (IReadOnlyList<StrategySpec> Valid, int Invalid, IReadOnlyDictionary<string, string> FirstErrors) Expand(
        string strategyType, JsonObject? defaults) =>
        Expand(strategyType, defaults, 0, Size);

    /// <summary>
    /// The same for the combinations at positions [<paramref name="first"/>, <paramref name="end"/>) of the product, in its
    /// order: a grid chunk's slice, validated without the combinations before it.
    /// </summary>
    public (IReadOnlyList<StrategySpec> Valid, int Invalid, IReadOnlyDictionary<string, string> FirstErrors) Expand(
        string strategyType, JsonObject? defaults, long first, long end)
    {
        var errors = new Dictionary<string, string[]>();
        var resolved = StrategyResolution.Resolve(strategyType, defaults, null, errors);
        if (resolved.Definition is not { } definition)
        {
            return ([], 0, errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)));
        }
        var axes = new Dictionary<string, IReadOnlyList<double>>(Axes, StringComparer.Ordinal);
        foreach (var (name, value) in resolved.Parameters)
        {
            if (!axes.ContainsKey(name) && TryNumber(value, out var number))
            {
                axes[name] = [number];
            }
        }
        var expanded = ParameterGrid.Expand(definition, axes, first, end);
        var valid = expanded.Where(result => result.IsValid).Select(result => result.Value!).ToList();
        var firstInvalid = expanded.FirstOrDefault(result => !result.IsValid);
        return (valid, expanded.Count - valid.Count, firstInvalid?.Errors ?? new Dictionary<string, string>());
    }

    /// <summary>
    /// The one combination with the value at <paramref name="indices"/> on each axis (axes in ordinal order of their names),
    /// or null when the engine refuses it: a search's trial, resolved as a grid resolves its combinations.
    /// </summary>
    public StrategySpec? Combination(string strategyType, JsonObject? defaults, IReadOnlyList<int> indices) =>
        At(strategyType, defaults, Axes.Select((axis, index) => KeyValuePair.Create(axis.Key, axis.Value[indices[index]])));

    /// <summary>The one combination of a trial's stored parameters (their values on this space's axes); null when one is missing or refused.</summary>
    public StrategySpec? Combination(string strategyType, JsonObject? defaults, JsonObject parameters)
    {
        var values = new List<KeyValuePair<string, double>>();
        foreach (var name in Axes.Keys)
        {
            if (!TryNumber(parameters[name], out var number))
            {
                return null;
            }
            values.Add(KeyValuePair.Create(name, number));
        }
        return At(strategyType, defaults, values);
    }

    /// <summary>A parameter's value as a number: numbers as they are, true/false as 1/0.</summary>
    public static bool TryNumber(JsonNode? node, out double number)
    {
        number = node is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? value.GetValueKind() switch { JsonValueKind.True => 1, JsonValueKind.False => 0, _ => value.GetValue<double>() }
            : double.NaN;
        return double.IsFinite(number);
    }

    private static StrategySpec? At(string strategyType, JsonObject? defaults, IEnumerable<KeyValuePair<string, double>> values)
    {
        var point = new ParameterSpace(values.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<double>)[pair.Value], StringComparer.Ordinal));
        return point.Expand(strategyType, defaults).Valid is [var combination] ? combination : null;
    }

    /// <summary>The distinct values of a list, in first-seen order, or of a range; null with an error beyond <paramref name="maxValues"/>.</summary>
    private static List<double>? Axis(JsonElement value, string field, int maxValues, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() > maxValues)
            {
                errors[field] = [$"the list holds {value.GetArrayLength()} values, more than the {maxValues} a parameter may have."];
                return null;
            }
            var values = new List<double>();
            var seen = new HashSet<double>();
            foreach (var item in value.EnumerateArray())
            {
                if (!TryNumber(item, out var number))
                {
                    errors[field] = ["values must be numbers (true/false as 1/0)."];
                    return null;
                }
                if (seen.Add(number))
                {
                    values.Add(number);
                }
            }
            return values;
        }
        if (value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("min", out var minElement) && TryNumber(minElement, out var min)
            && value.TryGetProperty("max", out var maxElement) && TryNumber(maxElement, out var max))
        {
            var step = value.TryGetProperty("step", out var stepElement) && TryNumber(stepElement, out var given) ? given : 1;
            if (step <= 0 || max < min)
            {
                errors[field] = ["a range needs min ≤ max and step > 0."];
                return null;
            }
            var count = Math.Floor((max - min) / step + 1e-9) + 1;
            if (count > maxValues)
            {
                errors[field] = [$"the range holds {count:0} values, more than the {maxValues} a parameter may have."];
                return null;
            }
            return [.. Enumerable.Range(0, (int)count).Select(index => Math.Round(min + index * step, 10))];
        }
        errors[field] = ["must be a list of values or a {\"min\", \"max\", \"step\"} range."];
        return null;
    }

    private static bool TryNumber(JsonElement element, out double number)
    {
        number = element.ValueKind switch
        {
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            _ => double.NaN,
        };
        return double.IsFinite(number);
    }
}
