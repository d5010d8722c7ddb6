using System.Text.Json;

namespace Platform.Engine.Rules;

internal sealed partial class RuleParser
{
    private static readonly Dictionary<string, RuleKind> RuleNames = new(StringComparer.Ordinal)
    {
        ["enter_long"] = RuleKind.EnterLong,
        ["exit_long"] = RuleKind.ExitLong,
        ["enter_short"] = RuleKind.EnterShort,
        ["exit_short"] = RuleKind.ExitShort,
    };

    private static readonly Dictionary<string, ComparisonKind> Comparisons = new(StringComparer.Ordinal)
    {
        [">"] = ComparisonKind.Greater,
        ["<"] = ComparisonKind.Less,
        [">="] = ComparisonKind.GreaterOrEqual,
        ["<="] = ComparisonKind.LessOrEqual,
        ["crosses_above"] = ComparisonKind.CrossesAbove,
        ["crosses_below"] = ComparisonKind.CrossesBelow,
    };

    private const string Operators = ">, <, >=, <=, crosses_above, crosses_below, between, rising, falling";

    private int conditionCount;

    private Dictionary<RuleKind, Condition> ReadRules(JsonElement section)
    {
        var rules = new Dictionary<RuleKind, Condition>();
        if (section.ValueKind != JsonValueKind.Object)
        {
            Error("rules", "must be an object with enter_long, exit_long, enter_short and/or exit_short");
            return rules;
        }
        foreach (var property in section.EnumerateObject())
        {
            var path = $"rules.{property.Name}";
            if (!RuleNames.TryGetValue(property.Name, out var kind))
            {
                Error(path, "is not a rule; expected enter_long, exit_long, enter_short or exit_short");
                continue;
            }
            conditionCount = 0;
            if (ReadCondition(property.Value, path, depth: 1) is { } condition)
            {
                rules[kind] = condition;
            }
        }
        if (!section.TryGetProperty("enter_long", out _) && !section.TryGetProperty("enter_short", out _))
        {
            Error("rules", "needs at least one of enter_long and enter_short");
        }
        return rules;
    }

    private Condition? ReadCondition(JsonElement value, string path, int depth)
    {
        if (++conditionCount > RuleLimits.MaxConditions)
        {
            Error(path, $"a rule has at most {RuleLimits.MaxConditions} conditions");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(path, "must be a condition: {left, op, right}, {all: [...]}, {any: [...]} or {not: {...}}");
            return null;
        }
        if (value.TryGetProperty("all", out var all))
        {
            return OnlyKey(value, "all", path) && ReadList(all, $"{path}.all", depth) is { } items ? new AllOf(items, path) : null;
        }
        if (value.TryGetProperty("any", out var any))
        {
            return OnlyKey(value, "any", path) && ReadList(any, $"{path}.any", depth) is { } items ? new AnyOf(items, path) : null;
        }
        if (value.TryGetProperty("not", out var not))
        {
            return OnlyKey(value, "not", path) && Nested(depth, $"{path}.not") && ReadCondition(not, $"{path}.not", depth + 1) is { } item
                ? new NotOf(item, path)
                : null;
        }
        return ReadComparison(value, path);
    }

    private List<Condition>? ReadList(JsonElement value, string path, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            Error(path, "must be a non-empty list of conditions");
            return null;
        }
        if (!Nested(depth, path))
        {
            return null;
        }
        var items = new List<Condition>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (ReadCondition(item, $"{path}[{index++}]", depth + 1) is { } condition)
            {
                items.Add(condition);
            }
        }
        return items.Count == index ? items : null;
    }

    private bool Nested(int depth, string path)
    {
        if (depth < RuleLimits.MaxDepth)
        {
            return true;
        }
        Error(path, $"conditions nest at most {RuleLimits.MaxDepth} deep");
        return false;
    }

    private bool OnlyKey(JsonElement value, string key, string path)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name != key)
            {
                Error($"{path}.{property.Name}", $"a condition with '{key}' has no other keys");
                return false;
            }
        }
        return true;
    }

    private Condition? ReadComparison(JsonElement value, string path)
    {
        var op = value.TryGetProperty("op", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : null;
        if (op is null)
        {
            Error($"{path}.op", $"is required: one of {Operators} (or use all, any, not)");
            return null;
        }
        string[] keys = op switch
        {
            "between" => ["op", "left", "low", "high"],
            "rising" or "falling" => ["op", "left", "bars"],
            _ when Comparisons.ContainsKey(op) => ["op", "left", "right"],
            _ => [],
        };
        if (keys.Length == 0)
        {
            Error($"{path}.op", $"'{op}' is not an operator; expected one of {Operators}");
            return null;
        }
        foreach (var property in value.EnumerateObject())
        {
            if (!keys.Contains(property.Name))
            {
                Error($"{path}.{property.Name}", $"'{op}' takes {string.Join(", ", keys)}");
            }
        }
        var left = RequiredOperand(value, "left", path);
        switch (op)
        {
            case "between":
                var low = RequiredOperand(value, "low", path);
                var high = RequiredOperand(value, "high", path);
                return left is null || low is null || high is null ? null : new Between(left, low, high, path);
            case "rising" or "falling":
                var bars = value.TryGetProperty("bars", out var b) ? ReadCount(b, $"{path}.bars", minimum: 1, RuleLimits.MaxBarsAgo) : NumberRef.Of(1, $"{path}.bars");
                return left is null || bars is null ? null : new Trend(left, op == "rising", bars.Value, path);
            default:
                var right = RequiredOperand(value, "right", path);
                return left is null || right is null ? null : new Comparison(left, Comparisons[op], right, path);
        }
    }

    private Operand? RequiredOperand(JsonElement value, string key, string path)
    {
        if (value.TryGetProperty(key, out var operand))
        {
            return ReadOperand(operand, $"{path}.{key}");
        }
        Error($"{path}.{key}", "is required");
        return null;
    }

    /// <summary>A number, a <c>$parameter</c>, a series name, or <c>{ref, bars_ago}</c> for a series some bars back.</summary>
    private Operand? ReadOperand(JsonElement value, string path)
    {
        var now = NumberRef.Of(0, path);
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return ReadNumber(value, path) is { } literal ? new Operand(null, literal, now, path) : null;
            case JsonValueKind.String when value.GetString() is ['$', ..]:
                return ReadNumber(value, path) is { } parameter ? new Operand(null, parameter, now, path) : null;
            case JsonValueKind.String:
                return ReadSeries(value.GetString()!, path) is { } series ? new Operand(series, null, now, path) : null;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Name is not ("ref" or "bars_ago"))
                    {
                        Error($"{path}.{property.Name}", "a series reference takes ref and bars_ago");
                        return null;
                    }
                }
                if (!value.TryGetProperty("ref", out var reference) || reference.ValueKind != JsonValueKind.String)
                {
                    Error($"{path}.ref", "is required: a price field or an indicator");
                    return null;
                }
                var barsAgo = value.TryGetProperty("bars_ago", out var ago) ? ReadCount(ago, $"{path}.bars_ago", minimum: 0, RuleLimits.MaxBarsAgo) : now;
                return ReadSeries(reference.GetString()!, $"{path}.ref") is { } referenced && barsAgo is not null
                    ? new Operand(referenced, null, barsAgo.Value, path)
                    : null;
            default:
                Error(path, "must be a number, a $parameter, a price field, an indicator or {ref, bars_ago}");
                return null;
        }
    }

    /// <summary>A whole number of bars; a literal is checked here, a parameter when a run binds it.</summary>
    private NumberRef? ReadCount(JsonElement value, string path, int minimum, int maximum)
    {
        if (ReadNumber(value, path) is not { } number)
        {
            return null;
        }
        if (number.Parameter is null && Bindings.CountError(number.Literal, minimum, maximum) is { } message)
        {
            Error(path, message);
            return null;
        }
        return number;
    }
}
